/**
 * `npm run render-photos`: renders a few of the sample newsroom's SVG drawings to JPEG, so the
 * sample has raster images and exercises the build's responsive WebP variants. Deterministic;
 * the JPEGs are committed.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import sharp from 'sharp';

const PHOTOS: [svg: string, jpeg: string, width: number][] = [
  ['images/science/tidal-turbine-seabed.svg', 'images/photos/tidal-turbine-seabed.jpg', 2000],
  ['images/culture/lantern-festival.svg', 'images/photos/lantern-festival.jpg', 2000],
];

const content = join(process.cwd(), 'content');
for (const [svg, jpeg, width] of PHOTOS) {
  const out = join(content, jpeg);
  mkdirSync(dirname(out), { recursive: true });
  const info = await sharp(join(content, svg), { density: 300 })
    .resize({ width })
    .jpeg({ quality: 82, mozjpeg: true })
    .toFile(out);
  console.log(`${jpeg}: ${info.width}×${info.height}, ${info.size} bytes`);
}
