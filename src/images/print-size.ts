// How large a figure's photo prints, and so its pixel density: the print page shows an image at its natural
// CSS size (96 px to the inch) until the column's width or the photo height limit shrinks it (print.css and
// print-html.ts), so a small photo prints small but at 96 ppi, and a large one fills the box.
import { printPpi } from './image-settings.js';

/** The box a figure's photo prints in, in mm (article/page-size.ts's photoBox for the article's page). */
export interface PhotoBox {
  widthMm: number;
  heightMm: number;
}
const cssPxPerInch = 96;
const mmPerInch = 25.4;

export interface PrintedSize {
  /** Width on paper, in mm. */
  widthMm: number;
  /** Pixels per inch at that width. */
  ppi: number;
  /** The width and height a photo of this shape needs for `printPpi.minimum` when it fills the box. */
  needed: { width: number; height: number };
  /** The width that gives `printPpi.target` at the printed size (never more than the photo has). */
  targetWidth: number;
}

export function printedSize(width: number, height: number, box: PhotoBox): PrintedSize {
  const boxWidth = Math.min(box.widthMm, (box.heightMm * width) / height);
  const widthMm = Math.min((width / cssPxPerInch) * mmPerInch, boxWidth);
  const ppi = width / (widthMm / mmPerInch);
  const neededWidth = Math.ceil((boxWidth / mmPerInch) * printPpi.minimum);
  return {
    widthMm,
    ppi,
    needed: { width: neededWidth, height: Math.ceil((neededWidth * height) / width) },
    targetWidth: Math.min(width, Math.ceil((widthMm / mmPerInch) * printPpi.target)),
  };
}
