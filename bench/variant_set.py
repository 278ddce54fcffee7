"""The labelled picture set behind bench/variants.py: distinct pictures, their copies, and near-miss frames.

Every picture (a real photo read from ../shared or images/ at run time, or a generated scene) is written
with copies of every kind a desk receives from the wires: resized, recompressed, cropped, grey, recoloured,
framed, slightly rotated, and combinations. Burst pictures get two more frames a moment later (the same
background, the subject moved, the camera shaken a little), each with copies of its own. A pair of files is
a true variant pair when both come from the same picture; every other pair must not match.

>>> items = build("/tmp/variant-set", real=0, scenes=2, bursts=1, seed=1)   # doctest: +SKIP
>>> items[0].picture, items[0].kind                                         # doctest: +SKIP
('scene-000', 'original')
"""

from __future__ import annotations

import io
import math
import os
import random
import string
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageEnhance, ImageFilter, ImageFont, ImageOps

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CATALOG_SHARED", ROOT.parent / "shared"))
#: Where real photos are read from (never copied into the repository).
REAL_FOLDERS = [ROOT / "images", SHARED / "corpus" / "real"]


@dataclass(frozen=True)
class Item:
    """One file of the set: the picture it shows, the kind of copy, and where it was written."""

    path: str
    picture: str
    kind: str
    #: The near-miss tier of a burst frame: how far its subject moved ("" for an ordinary picture).
    burst: str = ""
    #: Whether the file carries its camera's EXIF (make, model, serial, capture time).
    exif: bool = False


# --- the pictures --------------------------------------------------------------------------------------------

def real_photos(limit: int, min_side: int = 200) -> list[tuple[str, Image.Image]]:
    """Real photos from the shared corpus and images/, decoded, upright, RGB, at most 1600 px on a side.

    Files whose pixels repeat one already taken (the corpora hold the same photo with other metadata) and
    near-blank images are left out: the set's distinct pictures must really be distinct.
    """
    import warnings

    taken: list[tuple[str, Image.Image]] = []
    seen: list[bytes] = []
    paths = []
    for folder in REAL_FOLDERS:
        if folder.is_dir():
            paths += sorted(p for p in folder.rglob("*") if p.suffix.lower() in
                            {".jpg", ".jpeg", ".png", ".tif", ".tiff", ".webp"})
    for path in paths:
        if len(taken) >= limit:
            break
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                image = Image.open(path)
                if image.width * image.height > 40_000_000:
                    continue
                image.draft("RGB", (1600, 1600))
                image = ImageOps.exif_transpose(image).convert("RGB")
        except Exception:  # noqa: BLE001, S112 -- the corpora hold damaged files on purpose
            continue
        if min(image.size) < min_side or max(image.size) > 4 * min(image.size):
            continue
        image.thumbnail((1600, 1600))
        small = image.convert("L").resize((16, 16), Image.Resampling.BOX)
        spread = max(small.tobytes()) - min(small.tobytes())
        if spread < 40:
            continue
        key = small.tobytes()
        if any(_close(key, other) for other in seen):
            continue
        seen.append(key)
        taken.append((f"real-{len(taken):03d}", image))
    return taken


def _close(a: bytes, b: bytes) -> bool:
    """Two 16×16 grey images that differ by less than 12 levels on average: the same photo."""
    return sum(abs(x - y) for x, y in zip(a, b)) / len(a) < 12


def scene(rng: random.Random, size: tuple[int, int] = (1200, 800)) -> Image.Image:
    """A generated scene with structure: one of landscape, shapes, text page or texture, with noise."""
    kind = rng.choice(["landscape", "shapes", "text", "texture"])
    return {"landscape": _landscape, "shapes": _shapes, "text": _text, "texture": _texture}[kind](rng, size)


def _colour(rng: random.Random) -> tuple[int, int, int]:
    return (rng.randrange(256), rng.randrange(256), rng.randrange(256))


def _gradient(rng: random.Random, size) -> Image.Image:
    top, bottom = _colour(rng), _colour(rng)
    mask = Image.linear_gradient("L").rotate(rng.uniform(0, 360)).resize(size)
    return Image.composite(Image.new("RGB", size, bottom), Image.new("RGB", size, top), mask)


def _grain(rng: random.Random, image: Image.Image, amount: float) -> Image.Image:
    noise = Image.effect_noise(image.size, 30 + rng.random() * 40).convert("RGB")
    return Image.blend(image, noise, amount)


def _landscape(rng, size):
    w, h = size
    image = _gradient(rng, size)
    draw = ImageDraw.Draw(image)
    horizon = int(h * rng.uniform(0.35, 0.7))
    for layer in range(rng.randint(2, 4)):
        points = [(0, h)]
        x = 0
        while x < w:
            points.append((x, horizon - rng.randint(0, h // 3) + layer * h // 12))
            x += rng.randint(w // 12, w // 4)
        points += [(w, horizon), (w, h)]
        draw.polygon(points, fill=_colour(rng))
    draw.rectangle([0, horizon + h // 6, w, h], fill=_colour(rng))
    r = rng.randint(h // 20, h // 8)
    cx, cy = rng.randint(r, w - r), rng.randint(r, horizon)
    draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=_colour(rng))
    for _ in range(rng.randint(3, 12)):
        x, base = rng.randint(0, w), rng.randint(horizon, h)
        tall = rng.randint(h // 12, h // 4)
        draw.rectangle([x - tall // 12, base - tall // 3, x + tall // 12, base], fill=_colour(rng))
        draw.ellipse([x - tall // 3, base - tall, x + tall // 3, base - tall // 3], fill=_colour(rng))
    return _grain(rng, image.filter(ImageFilter.GaussianBlur(1.5)), 0.12)


def _shapes(rng, size):
    w, h = size
    image = _gradient(rng, size)
    draw = ImageDraw.Draw(image)
    for _ in range(rng.randint(6, 30)):
        x, y = rng.randint(0, w), rng.randint(0, h)
        s = rng.randint(min(size) // 20, min(size) // 3)
        box = [x - s, y - s // rng.choice([1, 2]), x + s, y + s]
        shape = rng.choice(["ellipse", "rectangle", "polygon"])
        outline = _colour(rng) if rng.random() < 0.4 else None
        if shape == "ellipse":
            draw.ellipse(box, fill=_colour(rng), outline=outline, width=4)
        elif shape == "rectangle":
            draw.rectangle(box, fill=_colour(rng), outline=outline, width=4)
        else:
            points = [(x + rng.randint(-s, s), y + rng.randint(-s, s)) for _ in range(rng.randint(3, 7))]
            draw.polygon(points, fill=_colour(rng), outline=outline)
    return _grain(rng, image, 0.1)


def _text(rng, size):
    w, h = size
    image = Image.new("RGB", size, _colour(rng))
    draw = ImageDraw.Draw(image)
    y = rng.randint(0, h // 10)
    while y < h:
        points = rng.randint(18, 90)
        font = ImageFont.load_default(size=points)
        words = " ".join("".join(rng.choice(string.ascii_letters) for _ in range(rng.randint(2, 9)))
                         for _ in range(12))
        draw.text((rng.randint(-w // 10, w // 8), y), words, fill=_colour(rng), font=font)
        if rng.random() < 0.3:
            top = y + points + 10
            draw.rectangle([rng.randint(0, w // 2), top, rng.randint(w // 2, w), top + rng.randint(20, h // 5)],
                           fill=_colour(rng))
            y = top + h // 5
        y += int(points * rng.uniform(1.2, 2.2))
    return _grain(rng, image, 0.08)


def _texture(rng, size):
    w, h = size
    small = (max(4, w // rng.choice([16, 32, 64, 128])), max(4, h // rng.choice([16, 32, 64, 128])))
    channels = [Image.effect_noise(small, 80).resize(size, Image.Resampling.BICUBIC) for _ in range(3)]
    image = Image.merge("RGB", channels)
    image = ImageOps.autocontrast(image, cutoff=1)
    if rng.random() < 0.5:
        extent = [rng.uniform(-2, 0), rng.uniform(-1.2, 0), rng.uniform(0.2, 1), rng.uniform(0.2, 1.2)]
        fractal = Image.effect_mandelbrot(size, extent, rng.randint(20, 200)).convert("RGB")
        image = Image.blend(image, fractal, 0.5)
    return _grain(rng, image, 0.1)


# --- the copies -------------------------------------------------------------------------------------------------

def _jpeg(image: Image.Image, quality: int) -> Image.Image:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality)
    buffer.seek(0)
    return Image.open(buffer).convert(image.mode)


def _crop(image: Image.Image, left: float, top: float, right: float, bottom: float) -> Image.Image:
    w, h = image.size
    return image.crop((round(w * left), round(h * top), round(w * (1 - right)), round(h * (1 - bottom))))


def _rotate(image: Image.Image, degrees: float, fill: bool) -> Image.Image:
    turned = image.rotate(degrees, Image.Resampling.BICUBIC, fillcolor=(0, 0, 0) if fill else None)
    if fill:
        return turned
    # a straightened copy: rotated, then cropped to the largest upright rectangle without corners
    margin = math.tan(math.radians(abs(degrees)))
    return _crop(turned, margin * image.height / image.width + 0.002, margin * image.width / image.height + 0.002,
                 margin * image.height / image.width + 0.002, margin * image.width / image.height + 0.002)


def _border(image: Image.Image, fraction: float, colour, bottom_bar: bool = False) -> Image.Image:
    pad = max(2, round(min(image.size) * fraction))
    framed = ImageOps.expand(image, pad, fill=colour)
    if bottom_bar:  # a strip under the picture with a line of text, as some sites add
        bar = Image.new("RGB", (framed.width, pad * 3), colour)
        ImageDraw.Draw(bar).text((pad, pad // 2), "Photo: Agency / Some Name", fill=(60, 60, 60),
                                 font=ImageFont.load_default(size=max(8, pad)))
        out = Image.new("RGB", (framed.width, framed.height + bar.height))
        out.paste(framed)
        out.paste(bar, (0, framed.height))
        return out
    return framed


def _grey(image: Image.Image, formula: str) -> Image.Image:
    if formula == "luma":
        return image.convert("L").convert("RGB")
    if formula == "average":  # a desaturation that is not ITU-R 601 luma
        r, g, b = image.split()
        return ImageChops.add(ImageChops.add(r.point(lambda v: v // 3), g.point(lambda v: v // 3)),
                              b.point(lambda v: v // 3)).convert("RGB")
    return ImageEnhance.Contrast(image.convert("L")).enhance(1.3).convert("RGB")  # a punchier black-and-white


def _gamma(image: Image.Image, gamma: float) -> Image.Image:
    table = [round(255 * (v / 255) ** gamma) for v in range(256)] * 3
    return image.point(table)


def _tint(image: Image.Image, r: float, g: float, b: float) -> Image.Image:
    red, green, blue = image.split()
    return Image.merge("RGB", [c.point(lambda v, f=f: min(255, int(v * f))) for c, f in
                               ((red, r), (green, g), (blue, b))])


def _resize(image: Image.Image, factor: float) -> Image.Image:
    return image.resize((max(8, round(image.width * factor)), max(8, round(image.height * factor))),
                        Image.Resampling.LANCZOS)


def _width(image: Image.Image, width: int) -> Image.Image:
    return _resize(image, width / image.width)


#: Every kind of copy: name -> (image -> image). Each is a variant of its picture by the issue's definition.
COPIES = {
    "resize-50": lambda im: _resize(im, 0.5),
    "resize-25": lambda im: _resize(im, 0.25),
    "web-640": lambda im: _width(im, 640),
    "thumb-200": lambda im: _width(im, 200),
    "upscale-150": lambda im: _resize(im, 1.5),
    "q95": lambda im: im,  # the quality is in QUALITY below
    "q70": lambda im: im,
    "q40": lambda im: im,
    "q20": lambda im: im,
    "crop-left-10": lambda im: _crop(im, 0.10, 0, 0, 0),
    "crop-bottom-10": lambda im: _crop(im, 0, 0, 0, 0.10),
    "crop-all-10": lambda im: _crop(im, 0.10, 0.10, 0.10, 0.10),
    "crop-corner-10": lambda im: _crop(im, 0, 0.10, 0.10, 0),
    "crop-5-7": lambda im: _crop(im, 0.05, 0.07, 0.03, 0.06),
    "grey-luma": lambda im: _grey(im, "luma"),
    "grey-average": lambda im: _grey(im, "average"),
    "grey-contrast": lambda im: _grey(im, "contrast"),
    "brighter": lambda im: ImageEnhance.Brightness(im).enhance(1.25),
    "darker": lambda im: ImageEnhance.Brightness(im).enhance(0.75),
    "contrast": lambda im: ImageEnhance.Contrast(im).enhance(1.3),
    "flat": lambda im: ImageEnhance.Contrast(im).enhance(0.75),
    "saturated": lambda im: ImageEnhance.Color(im).enhance(1.5),
    "gamma": lambda im: _gamma(im, 0.75),
    "warm": lambda im: _tint(im, 1.1, 1.0, 0.85),
    "border-white": lambda im: _border(im, 0.04, (255, 255, 255)),
    "border-black": lambda im: _border(im, 0.02, (0, 0, 0)),
    "border-caption-bar": lambda im: _border(im, 0.03, (250, 250, 250), bottom_bar=True),
    "rotate-1": lambda im: _rotate(im, 1.0, fill=True),
    "rotate-2-straightened": lambda im: _rotate(im, -2.0, fill=False),
    "rotate-2-black-corners": lambda im: _rotate(im, 2.0, fill=True),
    "web-crop-grey": lambda im: _grey(_width(_crop(im, 0.06, 0.04, 0.02, 0.08), 500), "luma"),
    "crop-resize-q50": lambda im: _width(_crop(im, 0.08, 0, 0.05, 0.1), 800),
    "rotate-border": lambda im: _border(_rotate(im, 1.5, fill=False), 0.03, (255, 255, 255)),
    "tone-crop": lambda im: _crop(_gamma(ImageEnhance.Color(im).enhance(0.7), 1.2), 0.0, 0.05, 0.08, 0.0),
}
QUALITY = {"q95": 95, "q70": 70, "q40": 40, "q20": 20, "crop-resize-q50": 50}

#: The copies a burst frame gets (fewer than a picture, so the set keeps its size).
FRAME_COPIES = ["resize-25", "q40", "crop-left-10", "crop-all-10", "grey-luma", "border-white", "rotate-1"]


# --- the near-miss frames -------------------------------------------------------------------------------------

#: How far the subject moves between frames, as a fraction of the picture's width, by tier.
BURST_TIERS = {"moved-15%": 0.15, "moved-8%": 0.08}


def burst(rng: random.Random, background: Image.Image, subject: Image.Image, step: float) -> list[Image.Image]:
    """Three frames a moment apart: the same background with the camera shaken by up to 1%, a subject
    (a patch of another picture, about a quarter of the height) moved by `step` of the width each frame."""
    w, h = background.size
    fw, fh = round(w * 0.98), round(h * 0.98)
    side = round(h * rng.uniform(0.25, 0.4))
    patch = subject.resize((round(side * rng.uniform(0.6, 1.0)), side))
    mask = Image.new("L", patch.size, 0)
    ImageDraw.Draw(mask).ellipse([0, 0, patch.width - 1, patch.height - 1], fill=255)
    mask = mask.filter(ImageFilter.GaussianBlur(2))
    # the subject stays inside the middle 76% in every frame, so no copy's crop (at most 10% a side, plus
    # the shake) takes it out of the picture: two frames must differ in what every copy shows
    y = rng.randint(round(fh * 0.12), max(round(fh * 0.12), round(fh * 0.88) - patch.height))
    x0 = rng.uniform(0.12, max(0.12, 0.88 - 2 * step - patch.width / fw))
    frames = []
    for k in range(3):
        ox, oy = rng.randint(0, w - fw), rng.randint(0, h - fh)
        frame = background.crop((ox, oy, ox + fw, oy + fh))
        frame.paste(patch, (round((x0 + k * step) * fw), y + rng.randint(-fh // 100, fh // 100)), mask)
        frames.append(frame)
    return frames


# --- the cameras -------------------------------------------------------------------------------------------------

#: Cameras the pictures are "taken" with: (make, model, writes SubSecTimeOriginal). Two bodies of one model
#: differ by serial number only.
CAMERAS = [("NIKON CORPORATION", "NIKON Z 9", True), ("Canon", "Canon EOS R3", True), ("SONY", "ILCE-1", True),
           ("FUJIFILM", "X-H2S", False), ("Canon", "Canon EOS-1D X Mark III", True), ("Apple", "iPhone 15 Pro", False)]
#: Copies a web tool or a site made: their EXIF is gone, as wire and web copies often lose it.
STRIPPED = {"web-640", "thumb-200", "web-crop-grey", "border-caption-bar", "crop-resize-q50"}
#: Share of pictures whose original has no EXIF at all (a scan, a frame grab, a file an agency stripped).
NO_EXIF = 0.3


def camera_exif(make: str, model: str, serial: str, moment: float, subsec: bool) -> bytes:
    """EXIF as a camera writes it: make, model, body serial, DateTimeOriginal (+ SubSecTimeOriginal)."""
    import datetime

    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = make, model
    when = datetime.datetime(2025, 1, 1) + datetime.timedelta(seconds=moment)
    sub = exif.get_ifd(0x8769)
    sub[0x9003] = when.strftime("%Y:%m:%d %H:%M:%S")
    if subsec:
        sub[0x9291] = f"{when.microsecond // 10_000:02d}"
    sub[0xA431] = serial
    return exif.tobytes()


# --- the set ------------------------------------------------------------------------------------------------------

def build(folder: str | os.PathLike, *, real: int = 120, scenes: int = 180, bursts: int = 60,
          seed: int = 17, real_skip: int = 0, workers: int = 1, copies: list[str] | None = None,
          stripped: bool = False) -> list[Item]:
    """Write the set into `folder` (as JPEGs at quality 90 unless the copy says otherwise) and list it.

    `real` real photos after the first `real_skip` (fewer when the corpus has fewer), `scenes` generated
    scenes, and `bursts` of the pictures (taken in turn from both) made into near-miss frames, half at each
    tier of BURST_TIERS. The copies are written by `workers` processes; the pictures and frames, which take
    the random numbers, in this one, so a seed gives the same set whatever the number of workers.

    Each picture is "taken" by one of CAMERAS (a body with its own serial) at its own moment, and its
    original carries that EXIF unless it is one of the NO_EXIF share; the frames of a burst follow 0.15 to
    0.4 s apart from the same body. Copies keep the EXIF except the web copies in STRIPPED. With `stripped`,
    no file carries EXIF (the pixels must decide alone).
    """
    rng = random.Random(seed)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    pictures = real_photos(real + real_skip)[real_skip:] if real else []
    for n in range(scenes):
        width = rng.choice([1200, 1000, 900])
        pictures.append((f"scene-{n:03d}", scene(rng, (width, rng.choice([width * 2 // 3, width * 3 // 4,
                                                                            width * 4 // 3])))))
    kinds = copies or list(COPIES)
    jobs: list[tuple[str, Path, Image.Image, list[str], str]] = []
    burst_every = max(1, len(pictures) // bursts) if bursts else 0
    tiers = list(BURST_TIERS)
    made = 0
    for index, (picture, image) in enumerate(pictures):
        make, model, subsec = rng.choice(CAMERAS)
        serial = f"{rng.randrange(10**6, 10**7)}"
        moment = rng.uniform(0, 364 * 86400)
        has_exif = rng.random() >= NO_EXIF and not stripped  # the draw is made either way: same pixels
        exif = camera_exif(make, model, serial, moment, subsec) if has_exif else None
        jobs.append((picture, folder, image, kinds, "", exif))
        if burst_every and index % burst_every == 0 and made < bursts:
            tier = tiers[made % len(tiers)]
            donor = pictures[(index * 7 + 3) % len(pictures)][1]
            left = rng.uniform(0, 0.5)
            subject = donor.crop((round(donor.width * left), 0, round(donor.width * (left + 0.4)), donor.height))
            for k, frame in enumerate(burst(rng, image, subject, BURST_TIERS[tier])):
                moment += rng.uniform(0.15, 0.4)
                exif = camera_exif(make, model, serial, moment, subsec) if has_exif else None
                jobs.append((f"{picture}-frame{k}", folder, frame, FRAME_COPIES, tier, exif))
            made += 1
    if workers > 1:
        import multiprocessing

        with multiprocessing.get_context("fork").Pool(workers) as pool:
            written = pool.map(_write_copies, jobs, chunksize=1)
    else:
        written = [_write_copies(job) for job in jobs]
    return [item for items in written for item in items]


def _write_copies(job) -> list[Item]:
    """The picture and each of its copies, written as JPEG files."""
    picture, folder, image, kinds, tier, exif = job
    items = []
    for kind in ["original", *kinds]:
        path = folder / f"{picture}--{kind}.jpg"
        copy = image if kind == "original" else COPIES[kind](image)
        keep = exif is not None and kind not in STRIPPED
        extra = {"exif": exif} if keep else {}
        copy.convert("RGB").save(path, "JPEG", quality=QUALITY.get(kind, 90), **extra)
        items.append(Item(str(path), picture, kind, tier, keep))
    return items
