"""A mixed real folder for the benchmark: the real test files of ../shared/corpus/real, plus files we make in
every format catalog reads (JPEG, TIFF, PNG, WebP, HEIC, AVIF) with captions that name places, copied over
and over to the size asked for.

    python bench/mixed.py /tmp/mixed --files 2000

The real files are read from ../shared at run time, never copied into the repository. Each copy of a file is a
new file (its own inode), so the import reads it like any other; the generated files carry their metadata as
ExifTool wrote it (captions with a credit, a date and a place, some with GPS, some without).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CATALOG_SHARED", ROOT.parent / "shared"))
REAL = SHARED / "corpus" / "real"
READABLE = {".jpg", ".jpeg", ".jpe", ".tif", ".tiff", ".png", ".webp", ".heic", ".heif", ".avif", ".psd"}

#: Captions we wrote for the generated files, in the shapes wires use; each names a place.
CAPTIONS = [
    ("A high-speed train crosses the desert near Jiuquan, northwest China's Gansu Province, Aug. 3, 2025. "
     "(Xinhua/Fan Peishen)", None),
    ("Visitors walk through the Luogang Park in Hefei, east China's Anhui province, Oct. 14, 2025. "
     "(Photo/Zhang Dagang)", (31.7795, 117.2925)),
    ("Fans cheer before the final at the Parc des Princes in Paris, France, May 31, 2025. REUTERS/Sarah Meyssonnier",
     (48.8414, 2.2530)),
    ("Commuters wait on a platform in Tokyo's Kameido district, Japan, on June 2, 2025. (Kyodo)", None),
    ("Firefighters work at the scene in Kharkiv, Ukraine, March 3, 2025. (AP Photo/Andrii Marienko)", None),
    ("Boats sail past the skyline of Lujiazui in Shanghai, China, July 7, 2025. (Photo: Wang Gang/Global Times)",
     (31.2397, 121.4998)),
    ("Farmers harvest rice in Wangjiaqiao Village, Lingxi Town, Cili County, central China's Hunan Province, "
     "Sept. 20, 2025. (Photo by Wu Yongbing/Xinhua)", None),
    ("People gather at the lakeside in Lucerne, Switzerland, on April 12, 2025. EPA-EFE/URS FLUEELER", None),
    ("新华社记者 李鑫 摄：游客在甘肃省敦煌市鸣沙山月牙泉景区游览（2025年8月5日）。", (40.0886, 94.6702)),
    ("A ferry leaves the harbour in Halifax, Nova Scotia, Canada, Nov. 4, 2025. THE CANADIAN PRESS/Darren Calabrese",
     None),
]
FORMATS = [("jpg", "JPEG"), ("tif", "TIFF"), ("png", "PNG"), ("webp", "WEBP"), ("heic", "HEIF"), ("avif", "AVIF")]


def build(folder: str | os.PathLike, files: int, *, seed: int = 7) -> Path:
    """Fill `folder` with at least `files` files: the real corpus, the generated ones, then copies of both."""
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    originals = _real(target / "real") + _generated(target / "made", seed)
    if not originals:
        raise SystemExit("no files to build from (is ../shared/corpus/real there? is ExifTool installed?)")
    copy = 0
    count = len(originals)
    rnd = random.Random(seed)
    while count < files:
        copy += 1
        into = target / f"copy-{copy:03d}"
        into.mkdir(exist_ok=True)
        for source in rnd.sample(originals, min(len(originals), files - count)):
            relative = source.relative_to(target)
            destination = into / "__".join(relative.parts)
            shutil.copyfile(source, destination)
            count += 1
    return target


def _real(into: Path) -> list[Path]:
    if not REAL.is_dir():
        return []
    found = []
    for path in sorted(REAL.rglob("*")):
        if path.is_file() and path.suffix.lower() in READABLE:
            destination = into / "__".join(path.relative_to(REAL).parts)
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, destination)
            found.append(destination)
    return found


def _generated(into: Path, seed: int) -> list[Path]:
    from PIL import Image, ImageDraw

    try:
        import pillow_heif

        pillow_heif.register_heif_opener()
        if hasattr(pillow_heif, "register_avif_opener"):
            pillow_heif.register_avif_opener()
    except ImportError:
        pass
    if shutil.which("exiftool") is None:
        return []
    into.mkdir(parents=True, exist_ok=True)
    rnd = random.Random(seed)
    made = []
    for number in range(60):
        extension, kind = FORMATS[number % len(FORMATS)]
        image = Image.new("RGB", (1200, 800), tuple(rnd.randrange(256) for _ in range(3)))
        draw = ImageDraw.Draw(image)
        for _ in range(12):
            box = sorted(rnd.sample(range(1200), 2)) + sorted(rnd.sample(range(800), 2))
            draw.rectangle((box[0], box[2], box[1], box[3]), fill=tuple(rnd.randrange(256) for _ in range(3)))
        path = into / f"made-{number:03d}.{extension}"
        try:
            image.save(path, kind, quality=85) if kind in ("JPEG", "WEBP", "HEIF", "AVIF") else image.save(path, kind)
        except (KeyError, OSError, ValueError):
            continue
        made.append(path)
    args = ["exiftool", "-q", "-overwrite_original", "-charset", "iptc=UTF8", "-codedcharacterset=utf8"]
    for number, path in enumerate(made):
        caption, gps = CAPTIONS[number % len(CAPTIONS)]
        tags = [f"-XMP-dc:Description={caption}", f"-EXIF:ImageDescription={caption}"]
        if path.suffix in (".jpg", ".tif"):
            tags.append(f"-IPTC:Caption-Abstract={caption}")
        if gps and number % 2 == 0:
            tags += [f"-GPSLatitude={gps[0]}", f"-GPSLongitude={gps[1]}",
                     f"-GPSLatitudeRef={'N' if gps[0] >= 0 else 'S'}",
                     f"-GPSLongitudeRef={'E' if gps[1] >= 0 else 'W'}"]
        subprocess.run([*args, *tags, str(path)], check=False, capture_output=True)
    return made


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder")
    parser.add_argument("--files", type=int, default=2000)
    options = parser.parse_args(argv)
    folder = build(options.folder, options.files)
    print(f"{sum(1 for p in folder.rglob('*') if p.is_file())} files in {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
