// The position images.keep_location publishes, as EXIF GPS rationals: whole degrees and minutes, seconds to a hundredth.
import { describe, expect, it } from 'vitest';
import { locationExif } from '../../../src/images/location-exif.js';

describe('locationExif', () => {
  it('writes degrees, minutes and hundredths of a second, with the hemisphere', () => {
    expect(locationExif({ latitude: 55.75, longitude: 37.616388888 })).toEqual({
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '55/1 45/1 0/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '37/1 36/1 5900/100',
      },
    });
  });

  it('south and west are references, not negative numbers; 59.999 seconds carries into the minute', () => {
    expect(locationExif({ latitude: -33.8688, longitude: -0.99999999 }).IFD3).toEqual({
      GPSLatitudeRef: 'S',
      GPSLatitude: '33/1 52/1 768/100',
      GPSLongitudeRef: 'W',
      GPSLongitude: '1/1 0/1 0/100',
    });
  });
});
