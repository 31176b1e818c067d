// The photographer's position as EXIF's GPS directory, for the copies of a photo whose position
// imprint.yaml's images.keep_location publishes: EXIF is where most readers look for it (exifr, photo
// viewers, map plug-ins), XMP's exif:GPSLatitude (xmp-credit.ts) where the others do. sharp writes it.

export interface GpsPosition {
  latitude: number;
  longitude: number;
}

/** sharp's `withExif` form: IFD3 is the GPS directory, each coordinate as degrees, minutes and seconds rationals. */
export function locationExif({ latitude, longitude }: GpsPosition): { IFD3: Record<string, string> } {
  return {
    IFD3: {
      GPSLatitudeRef: latitude < 0 ? 'S' : 'N',
      GPSLatitude: rationals(latitude),
      GPSLongitudeRef: longitude < 0 ? 'W' : 'E',
      GPSLongitude: rationals(longitude),
    },
  };
}

/** 37.6163889 → "37/1 36/1 5900/100": whole degrees and minutes, seconds to a hundredth (30 cm). */
function rationals(value: number): string {
  const hundredths = Math.round(Math.abs(value) * 360_000);
  const degrees = Math.floor(hundredths / 360_000);
  const minutes = Math.floor((hundredths % 360_000) / 6000);
  return `${degrees}/1 ${minutes}/1 ${hundredths % 6000}/100`;
}
