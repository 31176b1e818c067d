// The XMP packet every published copy of a photo carries: its caption, credit line, creator, copyright
// notice and source, so the credit goes wherever the picture is copied (IPTC Photo Metadata's XMP fields).

/** What a photo says of itself, read from its IPTC/XMP (see embedded-credit.ts) or given by the Markdown. */
export interface PhotoCredit {
  caption?: string;
  /** IPTC Credit Line (photoshop:Credit): "AFP", "Valery Sharifulin / TASS". */
  credit?: string;
  /** The photographer (dc:creator). */
  creator?: string;
  /** Copyright notice (dc:rights). */
  copyright?: string;
  /** Source (photoshop:Source): the agency that supplied it. */
  source?: string;
}

export function hasCredit(credit: PhotoCredit): boolean {
  return Object.values(credit).some((value) => typeof value === 'string' && value !== '');
}

/** `location` is written only when imprint.yaml's images.keep_location asks for the position to be published. */
export function creditXmp(credit: PhotoCredit, location?: { latitude: number; longitude: number }): string {
  const alt = (value: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(value)}</rdf:li></rdf:Alt>`;
  const fields = [
    credit.caption && `<dc:description>${alt(credit.caption)}</dc:description>`,
    credit.creator && `<dc:creator><rdf:Seq><rdf:li>${escapeXml(credit.creator)}</rdf:li></rdf:Seq></dc:creator>`,
    credit.copyright && `<dc:rights>${alt(credit.copyright)}</dc:rights>`,
    credit.credit && `<photoshop:Credit>${escapeXml(credit.credit)}</photoshop:Credit>`,
    credit.source && `<photoshop:Source>${escapeXml(credit.source)}</photoshop:Source>`,
    location && `<exif:GPSLatitude>${xmpCoordinate(location.latitude, 'N', 'S')}</exif:GPSLatitude>`,
    location && `<exif:GPSLongitude>${xmpCoordinate(location.longitude, 'E', 'W')}</exif:GPSLongitude>`,
  ].filter(Boolean);
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" xmlns:exif="http://ns.adobe.com/exif/1.0/">',
    ...fields,
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  ].join('\n');
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c] ?? c);
}

/** XMP's GPSCoordinate: degrees, decimal minutes and the hemisphere ("55,45.0000N"). */
function xmpCoordinate(value: number, positive: string, negative: string): string {
  const degrees = Math.floor(Math.abs(value));
  return `${degrees},${((Math.abs(value) - degrees) * 60).toFixed(4)}${value < 0 ? negative : positive}`;
}
