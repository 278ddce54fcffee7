"""Perceptual fingerprints: copies made with Pillow are variants, another frame of the scene is not.

The pictures are drawn here (a landscape with a subject, grain); each copy is written as a real JPEG file and
fingerprinted from the file, as the importer will.
"""

from __future__ import annotations

import io
import os
import random
import struct

import pytest
from PIL import Image, ImageChops, ImageDraw, ImageEnhance, ImageFilter, ImageOps

from catalog import captures, likeness
from catalog import fingerprints as F


def scene(seed: int = 1, subject_x: float = 0.3, size=(900, 600)) -> Image.Image:
    """A landscape (sky, hills, houses, grain) with a person-sized subject at `subject_x` of the width."""
    rng = random.Random(seed)
    w, h = size
    image = Image.linear_gradient("L").resize(size).convert("RGB")
    image = Image.blend(image, Image.new("RGB", size, (90, 140, 200)), 0.6)
    draw = ImageDraw.Draw(image)
    horizon = int(h * 0.55)
    for layer in range(3):
        points = [(0, h)] + [(x, horizon - rng.randint(0, h // 4) + layer * h // 14)
                             for x in range(0, w + w // 8, w // 8)] + [(w, h)]
        draw.polygon(points, fill=(40 + 40 * layer, 90 + 30 * layer, 40 + 10 * layer))
    for _ in range(14):
        x, y = rng.randint(0, w), rng.randint(horizon, h - h // 12)
        s = rng.randint(h // 30, h // 12)
        draw.rectangle([x - s, y - s, x + s, y + s], fill=(rng.randint(120, 250), rng.randint(60, 200), 60))
        draw.polygon([(x - s, y - s), (x, y - 2 * s), (x + s, y - s)], fill=(150, 40, 30))
    sx, sy = int(subject_x * w), int(h * 0.35)
    draw.ellipse([sx - h // 16, sy - h // 8, sx + h // 16, sy], fill=(230, 200, 170))
    draw.rectangle([sx - h // 10, sy, sx + h // 10, sy + h // 3], fill=(200, 30, 40))
    noise = Image.effect_noise(size, 40).convert("RGB")
    return Image.blend(image.filter(ImageFilter.GaussianBlur(1)), noise, 0.1)


def write(tmp_path, name: str, image: Image.Image, quality: int = 90, **params) -> str:
    path = tmp_path / f"{name}.jpg"
    image.convert("RGB").save(path, "JPEG", quality=quality, **params)
    return str(path)


def crop(image, left=0.0, top=0.0, right=0.0, bottom=0.0):
    w, h = image.size
    return image.crop((round(w * left), round(h * top), round(w * (1 - right)), round(h * (1 - bottom))))


COPIES = {
    "resized to half": lambda im: im.resize((im.width // 2, im.height // 2), Image.Resampling.LANCZOS),
    "resized to 200 px": lambda im: im.resize((200, 133), Image.Resampling.LANCZOS),
    "cropped 10% on the left": lambda im: crop(im, left=0.10),
    "cropped 10% at the bottom": lambda im: crop(im, bottom=0.10),
    "cropped 8% on every side": lambda im: crop(im, 0.08, 0.08, 0.08, 0.08),
    "grey": lambda im: im.convert("L"),
    "brighter": lambda im: ImageEnhance.Brightness(im).enhance(1.25),
    "less contrast": lambda im: ImageEnhance.Contrast(im).enhance(0.75),
    "white border": lambda im: ImageOps.expand(im, 30, fill="white"),
    "black border": lambda im: ImageOps.expand(im, 12, fill="black"),
    "rotated 1°": lambda im: im.rotate(1.0, Image.Resampling.BICUBIC),
    "rotated 2°, straightened": lambda im: crop(im.rotate(-2.0, Image.Resampling.BICUBIC), 0.04, 0.05, 0.04, 0.05),
}


@pytest.fixture(scope="module")
def original(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fingerprints")
    return folder, scene(), F.perceptual_fingerprint(write(folder, "original", scene()))


@pytest.mark.parametrize("kind, make", [
    pytest.param(kind, make.values[0], marks=make.marks, id=kind) if hasattr(make, "values") else
    pytest.param(kind, make, id=kind) for kind, make in sorted(COPIES.items())])
def test_a_copy_is_a_variant(original, kind, make):
    folder, picture, fp = original
    copy = F.perceptual_fingerprint(write(folder, kind.replace(" ", "-").replace("°", ""), make(picture)))
    assert copy is not None
    assert likeness.hash_distance(fp, copy)[0] <= likeness.CANDIDATE_BITS
    verdict = likeness.compare(fp, copy)
    assert verdict.variant, verdict
    assert likeness.is_variant(fp, copy) and likeness.is_variant(copy, fp)


@pytest.mark.parametrize("quality", [95, 75, 50, 25])
def test_recompressed_copies_are_variants(original, quality):
    folder, picture, fp = original
    copy = F.perceptual_fingerprint(write(folder, f"q{quality}", picture, quality=quality))
    assert likeness.is_variant(fp, copy)
    assert likeness.distance(fp, copy) < likeness.VARIANT_DISTANCE


def test_the_next_frame_is_not_a_variant(original):
    """The same scene a moment later, the subject a fifth of the picture further on, the camera still."""
    folder, _, fp = original
    later = F.perceptual_fingerprint(write(folder, "frame-2", scene(subject_x=0.5)))
    assert not likeness.is_variant(fp, later)
    assert not likeness.is_variant(later, fp)


def test_a_copy_of_the_next_frame_is_not_a_variant(original):
    folder, _, fp = original
    later = crop(scene(subject_x=0.55), left=0.05).resize((600, 380))
    assert not likeness.is_variant(fp, F.perceptual_fingerprint(write(folder, "frame-2-web", later, quality=70)))


def test_another_picture_is_far(original):
    folder, _, fp = original
    other = F.perceptual_fingerprint(write(folder, "other", scene(seed=7).transpose(Image.Transpose.FLIP_LEFT_RIGHT)))
    assert likeness.hash_distance(fp, other)[0] > likeness.CANDIDATE_BITS or not likeness.compare(fp, other).variant
    assert not likeness.is_variant(fp, other)


def test_identical_pixels_are_at_distance_zero(original):
    _, picture, fp = original
    again = F.perceptual_fingerprint(picture.copy())  # the pixels before JPEG compression
    assert likeness.hash_distance(fp, again)[0] <= 6 and likeness.is_variant(fp, again)
    assert likeness.distance(fp, fp) < 1e-6  # the alignment stops within a rounding error of the identity
    assert likeness.compare(fp, fp).box == (0.0, 0.0, 1.0, 1.0)


def test_exif_orientation_is_applied(tmp_path):
    """A camera's portrait photo stored sideways with Orientation 6 fingerprints like the upright pixels."""
    picture = scene()
    upright = F.perceptual_fingerprint(write(tmp_path, "upright", picture.rotate(-90, expand=True)))
    exif = Image.Exif()
    exif[0x0112] = 6
    sideways = F.perceptual_fingerprint(write(tmp_path, "sideways", picture, exif=exif))
    assert abs(sideways.aspect - upright.aspect) < 0.02
    assert likeness.is_variant(upright, sideways)
    assert not likeness.is_variant(F.perceptual_fingerprint(write(tmp_path, "plain", picture)), upright)


def test_round_trip_through_bytes(original):
    _, _, fp = original
    data = fp.to_bytes()
    assert len(data) == 6 + 8 * len(F.WINDOWS) + F.SIGNATURE ** 2 + 2 * F.CHROMA ** 2  # a colour picture
    assert F.Fingerprint.from_bytes(data) == fp
    assert F.Fingerprint.from_bytes(data[:-1]) is None
    assert F.Fingerprint.from_bytes(b"\x09" + data[1:]) is None


@pytest.mark.parametrize("content", [b"", b"not an image at all", b"\xff\xd8\xff\xe0" + b"\x00" * 50])
def test_unreadable_files_have_no_fingerprint(tmp_path, content):
    path = tmp_path / "broken.jpg"
    path.write_bytes(content)
    assert F.perceptual_fingerprint(str(path)) is None


def test_truncated_jpeg_and_tiny_images(tmp_path):
    data = io.BytesIO()
    scene().save(data, "JPEG", quality=90)
    (tmp_path / "cut.jpg").write_bytes(data.getvalue()[:3000])
    assert F.perceptual_fingerprint(str(tmp_path / "cut.jpg")) is None
    assert F.perceptual_fingerprint(Image.new("RGB", (4, 4), "red")) is None
    assert F.perceptual_fingerprint(str(tmp_path)) is None  # a folder
    flat = F.perceptual_fingerprint(Image.new("RGB", (300, 200), "gray"))
    assert flat is None or not likeness.compare(flat, F.perceptual_fingerprint(scene())).variant


def test_transparent_and_sixteen_bit_images(tmp_path):
    picture = scene()
    rgba = picture.convert("RGBA")
    rgba.putalpha(255)
    rgba.save(tmp_path / "alpha.png")
    assert likeness.is_variant(F.perceptual_fingerprint(str(tmp_path / "alpha.png")), F.perceptual_fingerprint(picture))
    wide = picture.convert("L").point(lambda v: v * 256, "I").convert("I;16")
    wide.save(tmp_path / "deep.png")
    assert likeness.is_variant(F.perceptual_fingerprint(str(tmp_path / "deep.png")), F.perceptual_fingerprint(picture))


# --- the EXIF thumbnail ------------------------------------------------------------------------------------------

def exif_with_thumbnail(thumbnail: Image.Image, stated_size: tuple[int, int] | None = None) -> bytes:
    """An EXIF block (little-endian TIFF) with `thumbnail` as its IFD1 JPEG, and optionally
    PixelXDimension/PixelYDimension in an Exif IFD."""
    buffer = io.BytesIO()
    thumbnail.convert("RGB").save(buffer, "JPEG", quality=80)
    jpeg = buffer.getvalue()
    entries0 = [(0x0112, 3, 1, 1)]
    if stated_size:
        entries0.append((0x8769, 4, 1, 0))  # offset patched below
    ifd0_size = 2 + 12 * len(entries0) + 4
    exif_ifd_offset = 8 + ifd0_size
    exif_ifd = b""
    if stated_size:
        exif_ifd = struct.pack("<H", 2) + struct.pack("<HHII", 0xA002, 4, 1, stated_size[0]) + \
            struct.pack("<HHII", 0xA003, 4, 1, stated_size[1]) + struct.pack("<I", 0)
    ifd1_offset = exif_ifd_offset + len(exif_ifd)
    ifd1_size = 2 + 12 * 3 + 4
    thumb_offset = ifd1_offset + ifd1_size
    ifd0 = struct.pack("<H", len(entries0))
    for tag, kind, count, value in entries0:
        ifd0 += struct.pack("<HHII", tag, kind, count, exif_ifd_offset if tag == 0x8769 else value)
    ifd0 += struct.pack("<I", ifd1_offset)
    ifd1 = struct.pack("<H", 3) + struct.pack("<HHII", 0x0103, 3, 1, 6) + \
        struct.pack("<HHII", 0x0201, 4, 1, thumb_offset) + struct.pack("<HHII", 0x0202, 4, 1, len(jpeg)) + \
        struct.pack("<I", 0)
    return b"Exif\x00\x00" + b"II*\x00" + struct.pack("<I", 8) + ifd0 + exif_ifd + ifd1 + jpeg


def letterboxed(picture: Image.Image) -> Image.Image:
    """A camera's 160×120 thumbnail of a 3:2 picture: black bars above and below."""
    small = picture.resize((160, 107), Image.Resampling.LANCZOS)
    framed = Image.new("RGB", (160, 120), "black")
    framed.paste(small, (0, 6))
    return framed


def test_a_matching_thumbnail_is_used(tmp_path):
    picture = scene()
    path = write(tmp_path, "camera", picture, exif=exif_with_thumbnail(letterboxed(picture), picture.size))
    fp = F.perceptual_fingerprint(path)
    assert fp.source == "thumbnail"
    from_pixels = F.perceptual_fingerprint(path, use_thumbnail=False)
    assert from_pixels.source == "image"
    assert likeness.is_variant(fp, from_pixels)
    assert F.perceptual_fingerprint(path, main_image=False) == fp


def test_a_thumbnail_left_from_before_a_crop_is_not_used(tmp_path):
    """A tool cropped the picture and copied the EXIF block as it was: the stated size gives it away."""
    picture = scene()
    cropped = crop(picture, left=0.2)
    path = write(tmp_path, "cropped", cropped, exif=exif_with_thumbnail(letterboxed(picture), picture.size))
    assert F.perceptual_fingerprint(path).source == "image"
    assert F.perceptual_fingerprint(path, main_image=False) is None  # the cheap pass leaves it for later


def test_a_thumbnail_of_another_shape_is_not_used(tmp_path):
    picture = scene()
    cropped = crop(picture, left=0.25)
    path = write(tmp_path, "reshaped", cropped, exif=exif_with_thumbnail(letterboxed(picture)))
    assert F.perceptual_fingerprint(path).source == "image"


def _numpy_trim(grey: Image.Image) -> tuple[int, int, int, int]:
    """The border trim as the module computed it with numpy.percentile and boolean means, for comparison."""
    import numpy as np

    pixels = np.asarray(grey)
    height, width = pixels.shape
    low, high = np.percentile(pixels, (0.5, 99.5))
    if high - low < 32:
        return (0, 0, width, height)
    dark, light = min(low + 16, 96), max(high - 16, 160)
    border = (pixels <= dark) | (pixels >= light)
    top, bottom = F._edges(border.mean(axis=1))
    left, right = F._edges(border[top:bottom].mean(axis=0))
    return (left, top, right, bottom)


def _greys(count: int):
    """Grey pictures of every kind the trim meets: noise, flat fields with frames and blocks, narrow ranges."""
    rnd = random.Random(5)
    for number in range(count):
        size = (rnd.randint(8, 180), rnd.randint(8, 180))
        if number % 3 == 0:
            yield Image.frombytes("L", size, bytes(rnd.randrange(256) for _ in range(size[0] * size[1])))
            continue
        grey = Image.new("L", size, rnd.choice([0, 255, rnd.randrange(256)]))
        draw = ImageDraw.Draw(grey)
        for _ in range(rnd.randint(0, 5)):
            x0, x1 = sorted(rnd.sample(range(size[0] + 1), 2))
            y0, y1 = sorted(rnd.sample(range(size[1] + 1), 2))
            draw.rectangle((x0, y0, x1, y1), fill=rnd.randrange(256) if number % 3 == 1 else rnd.randrange(100, 140))
        yield grey


def test_the_trim_finds_the_box_numpy_found():
    """The trim reads Pillow's histogram instead of numpy.percentile: the levels are the same to the last bit,
    so is the box, on every kind of picture (a frame, blocks at the edges, noise, a narrow range of levels)."""
    import numpy as np

    pictures = [*_greys(600), letterboxed(scene()).convert("L"), ImageOps.expand(scene().convert("L"), 20, 255)]
    for grey in pictures:
        expected = [float(level) for level in np.percentile(np.asarray(grey), (0.5, 99.5))]
        assert F._percentiles(grey.histogram(), grey.width * grey.height, (0.5, 99.5)) == expected
        assert F._trim(grey) == _numpy_trim(grey)
    assert F._trim(pictures[-1]) == (20, 20, 920, 620)  # the white frame is cut


def test_a_thumbnail_fingerprint_leaves_numpy_ma_unloaded(tmp_path):
    """numpy.percentile and numpy.median import numpy.ma, 0.05-0.1 s in every reader process that meets its first
    thumbnail: the fingerprint needs neither."""
    import subprocess
    import sys

    picture = scene()
    path = write(tmp_path, "camera", picture, exif=exif_with_thumbnail(letterboxed(picture), picture.size))
    code = ("import sys; from catalog.fingerprints import embedded_fingerprint; "
            f"assert embedded_fingerprint({path!r}).source == 'thumbnail'; print('numpy.ma' in sys.modules)")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "False"


def test_a_fingerprint_without_its_hashes_needs_no_numpy_and_hashes_to_the_same_bytes(tmp_path):
    """An import's readers make the fingerprint up to its DCT hashes without numpy (0.31 G instructions to
    import in each reader); the importing process makes the hashes from the grids they send. Both halves
    together give the bytes one process makes."""
    import subprocess
    import sys

    picture = scene()
    path = write(tmp_path, "camera", picture, exif=exif_with_thumbnail(letterboxed(picture), picture.size))
    code = ("import sys; from catalog.fingerprints import embedded_unhashed; "
            f"sent = embedded_unhashed({path!r}).to_bytes(); print('numpy' in sys.modules); print(sent.hex())")
    said = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert said[0] == "False"
    sent = bytes.fromhex(said[1])
    assert F.is_unhashed(sent) and F.Fingerprint.from_bytes(sent) is None  # never read as a stored fingerprint
    assert F.hashed_bytes(sent) == F.embedded_fingerprint(path).to_bytes()
    assert not F.is_unhashed(F.hashed_bytes(sent))


def _windows_one_by_one(equalised, average) -> list[bytes]:
    """Each window's grid in one Pillow call, as fingerprints made them before `_window_grids`."""
    grids = []
    for n, (left, top, right, bottom) in enumerate(F.WINDOWS):
        source = average if n == F.AVERAGE else equalised
        w, h = source.size
        grids.append(source.resize((F.HASH_GRID, F.HASH_GRID), Image.Resampling.BOX,
                                   box=(left * w, top * h, right * w, bottom * h)).tobytes())
    return grids


@pytest.mark.parametrize("seed", range(4))
def test_the_windows_grids_are_pillows_one_call_each(seed):
    """`_window_grids` shares each column range's first pass between the windows that have it: the bytes are
    those of one Pillow call a window, on noise (where a pass made in another order shows in a third of the
    cells), on drawn pictures, wide, square and tall (tall ones, which Pillow 13 may resize rows first, go
    window by window), small and large, and with a grey picture's average (the equalised luma again)."""
    rnd = random.Random(seed)
    sizes = [(160, 120), (160, 114), (128, 128), (96, 16), (16, 16), (120, 160), (44, 80), (17, 400)]
    sizes += [(rnd.randint(8, 420), rnd.randint(8, 420)) for _ in range(60)]
    for width, height in sizes:
        noise = Image.frombytes("L", (width, height), rnd.randbytes(width * height))
        for equalised in (ImageOps.equalize(noise), scene(seed, size=(width, height)).convert("L")):
            average = Image.frombytes("L", (F.AVERAGE_GRID, F.AVERAGE_GRID), rnd.randbytes(F.AVERAGE_GRID ** 2))
            for other in (average, equalised):
                assert F._window_grids(equalised, other) == _windows_one_by_one(equalised, other), (width, height)


def test_the_colour_planes_are_each_planes_own_resize():
    """`_chroma` resizes the picture once and takes its Cb and Cr: the bytes of each plane resized alone, on
    drawn pictures and noise, wide and tall."""
    rnd = random.Random(7)
    pictures = [scene(seed, size=size).convert("YCbCr") for seed, size in enumerate([(160, 120), (120, 160), (97, 61)])]
    pictures += [Image.frombytes("RGB", size, rnd.randbytes(3 * size[0] * size[1])).convert("YCbCr")
                 for size in [(160, 114), (44, 80), (16, 16), (300, 40)]]
    for picture in pictures:
        planes = [picture.getchannel(n).resize((F.CHROMA, F.CHROMA), Image.Resampling.BOX).tobytes() for n in (1, 2)]
        expected = b"" if all(max(plane) - min(plane) <= F.GREY_CHROMA for plane in planes) else b"".join(planes)
        assert F._chroma(picture) == expected
    assert F._chroma(Image.new("YCbCr", (40, 30), (90, 128, 129))) == b""


def test_the_channels_average_is_the_one_numpy_made():
    """The average hash's grey, (R + G + B) // 3 of each cell, made by Pillow's ImageMath instead of numpy."""
    import numpy as np

    pictures = [scene(seed) for seed in range(3)] + [Image.new("RGB", (90, 60), colour)
                                                    for colour in ((255, 255, 255), (0, 0, 0), (255, 254, 1))]
    for picture in pictures:
        colour = picture.convert("YCbCr")
        small = colour.resize((F.AVERAGE_GRID, F.AVERAGE_GRID), Image.Resampling.BOX).convert("RGB")
        expected = (np.asarray(small, dtype=np.uint16).sum(axis=2) // 3).astype(np.uint8)
        assert F._average(colour).tobytes() == expected.tobytes()


# --- the index keys -------------------------------------------------------------------------------------------------

def test_bands_and_probes():
    value = 0x0123_4567_89AB_CDEF
    assert F.bands(value) == [0xCDEF, (1 << 16) | 0x89AB, (2 << 16) | 0x4567, (3 << 16) | 0x0123]
    keys = F.probes(value, radius=1)
    assert len(keys) == 4 * 17 and len(set(keys)) == 4 * 17
    assert (1 << 16) | 0x89AA in keys and (1 << 16) | 0x89A8 not in keys
    assert len(set(F.probes(value, radius=0))) == 4



def test_band_values_are_band_rows_in_the_tables_columns(original):
    """The quick store's tuples are the rows catalog.variants stores, in the order of BAND_COLUMNS, which are
    the variant_band table's columns."""
    from catalog.models import Base

    _, _, fp = original
    assert [dict(zip(F.BAND_COLUMNS, values, strict=True)) for values in F.band_values(7, fp)] == F.band_rows(7, fp)
    assert len(F.band_rows(7, fp)) == len(fp.hashes) * F.BANDS
    assert set(F.BAND_COLUMNS) == {column.name for column in Base.metadata.tables["variant_band"].columns}

# --- the modules: their examples, and which way they import -------------------------------------------------------

@pytest.mark.parametrize("name", ["fingerprints", "likeness", "variants", "variant_copies"])
def test_the_docstring_examples_hold(name):
    import doctest
    import importlib

    failed, attempted = doctest.testmod(importlib.import_module(f"catalog.{name}"))
    assert attempted > 0 and failed == 0


def test_making_a_fingerprint_needs_nothing_of_the_verdict():
    """catalog.fingerprints is the lower layer: a reader process that only fingerprints never loads likeness."""
    import subprocess
    import sys

    code = "import sys; import catalog.fingerprints; print(sorted(m for m in sys.modules if m.startswith('catalog.')))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "['catalog.fingerprints']"


def test_the_same_second_without_its_fraction_proves_no_single_frame():
    """A burst runs at 10-30 frames a second: two files of one camera at one second are one moment only when both
    give the same fraction of it; when either leaves it out, the pixels decide alone (no relaxed limits)."""
    burst = [captures.Capture("fujifilm x-h2s 1", "2025-07-19T07:41:31"),
             captures.Capture("fujifilm x-h2s 1", "2025-07-19T07:41:31")]
    assert captures.same_capture(*burst) is None
    assert captures.same_capture(captures.Capture("fujifilm x-h2s 1", "2025-07-19T07:41:31.1"),
                                 captures.Capture("fujifilm x-h2s 1", "2025-07-19T07:41:31.10")) is True
    assert captures.same_capture(captures.Capture("fujifilm x-h2s 1", "2025-07-19T07:41:31.1"),
                                 captures.Capture("fujifilm x-h2s 1", "2025-07-19T07:41:31.2")) is False
    assert captures.same_capture(captures.Capture("fujifilm x-h2s 1", "2025-07-19T07:41:32"), burst[0]) is False


def with_disc(image: Image.Image, colour, radius: float, at=(0.7, 0.4)) -> Image.Image:
    """The picture with a plain disc of `radius` (of the height) drawn at `at`: a subject come into view."""
    image = image.copy()
    w, h = image.size
    x, y, r = at[0] * w, at[1] * h, radius * h
    ImageDraw.Draw(image).ellipse([x - r, y - r, x + r, y + r], fill=colour)
    return image


@pytest.mark.parametrize("colour, radius", [((128, 128, 128), 0.04), ((200, 60, 60), 0.06)],
                         ids=["a small grey subject", "a small red subject"])
def test_a_frame_whose_difference_is_in_one_place_is_not_a_variant(original, colour, radius):
    """The benchmark's false pairs were frames whose one difference (a subject come into view, small against a
    busy background) left a worst patch under the old single limit (0.30): the borderline check sees that the
    difference is gathered in one place (worst patch many times the mean residual), as no copy's is."""
    folder, picture, fp = original
    frame = F.perceptual_fingerprint(write(folder, f"frame-disc-{radius}", with_disc(picture, colour, radius)))
    measures = likeness.compare(fp, frame)
    assert measures.fits and measures.blob <= 0.30 and measures.colour_blob <= likeness.VARIANT_COLOUR_BLOB
    assert measures.blob > likeness.PLAIN_BLOB and measures.blob > likeness.CONCENTRATION * measures.distance
    assert not likeness.is_variant(fp, frame)
    assert not likeness.is_variant(frame, fp)


def test_the_borderline_check_weighs_spread_and_colour():
    """Above PLAIN_BLOB a worst patch passes only with a residual spread like a copy's and little colour."""
    def measures(distance, blob, colour_blob=0.1):
        return likeness.Comparison(distance, blob, (0.0, 0.0, 1.0, 1.0), 0.9, colour_blob, 0.5)

    assert measures(0.02, 0.15).variant  # a small worst patch passes whatever its spread
    assert measures(0.12, 0.30).variant  # spread: 2.5 times the mean
    assert not measures(0.05, 0.30).variant  # gathered: 6 times the mean
    assert not measures(0.12, 0.30, colour_blob=0.6).variant  # spread, but a subject's colour
    assert not measures(0.15, 0.40).variant  # above the largest worst patch
    relaxed = likeness.DEFAULT_THRESHOLDS.relaxed()
    assert measures(0.12, 0.30, colour_blob=0.5).within(relaxed) and measures(0.15, 0.40).within(relaxed)
    assert relaxed.concentration == likeness.CONCENTRATION and not measures(0.05, 0.30).within(relaxed)


def saturated_shapes(seed: int, size=(900, 600)) -> Image.Image:
    """Discs of saturated random colours on a plain ground: colours whose luma and plain average differ most."""
    rng = random.Random(seed)
    w, h = size
    image = Image.new("RGB", size, (rng.randrange(256), rng.randrange(256), rng.randrange(256)))
    draw = ImageDraw.Draw(image)
    for _ in range(12):
        x, y, s = rng.randint(0, w), rng.randint(0, h), rng.randint(40, 200)
        draw.ellipse([x - s, y - s, x + s, y + s], fill=(rng.randrange(256), rng.randrange(256), rng.randrange(256)))
    return image


def grey_by_average(image: Image.Image) -> Image.Image:
    """Black and white as some tools make it: (R + G + B) / 3, not luma's weights."""
    red, green, blue = (band.point(lambda v: v // 3) for band in image.convert("RGB").split())
    return ImageChops.add(ImageChops.add(red, green), blue)


@pytest.mark.parametrize("seed", [8, 10])
def test_a_copy_grey_by_the_channels_average_is_found_by_its_hash(tmp_path, seed):
    """Stage one: the luma hashes of such a copy lie far from its colour original's (the benchmark's tuning set
    had 11 of 90 with no candidate at all); the original's hash of its channels' average lies close."""
    picture = saturated_shapes(seed)
    colour = F.perceptual_fingerprint(write(tmp_path, "colour", picture))
    grey = F.perceptual_fingerprint(write(tmp_path, "grey", grey_by_average(picture)))
    assert (colour.hash ^ grey.hash).bit_count() > likeness.CANDIDATE_BITS  # luma against luma: no candidate
    bits, window, other = likeness.hash_distance(colour, grey)
    assert bits <= likeness.CANDIDATE_BITS and (window, other) == (F.AVERAGE, 0)
    assert likeness.is_variant(colour, grey) and likeness.is_variant(grey, colour)


def test_a_fingerprint_made_before_the_average_hash_is_still_read(original):
    _, _, fp = original
    older = F.Fingerprint(fp.hashes[:F.AVERAGE], fp.aspect, fp.signature, fp.source, fp.chroma)
    data = older.to_bytes()
    assert len(data) == len(fp.to_bytes()) - 8
    assert F.Fingerprint.from_bytes(data) == older
    assert likeness.is_variant(F.Fingerprint.from_bytes(data), fp)


@pytest.fixture(scope="module")
def stepped_in(tmp_path_factory):
    """Two frames of a burst made as bench/variant_set.py makes them (a subject cut from another scene steps
    across a generated one, the camera shaken a little), and copies of the first: (folder, first frame,
    second frame). Seed 34 at the 8% step is a pair whose difference lies in the borderline: a worst 5×5 patch
    of 0.34-0.35 (the scene's grain is Pillow's effect_noise, which no seed fixes), little colour, and spread
    enough (2.2-2.6 times the mean) to pass the other borderline checks."""
    from bench import variant_set

    rng = random.Random(34)
    picture, donor = variant_set.scene(rng, (900, 600)), variant_set.scene(rng, (900, 600))
    frames = variant_set.burst(rng, picture, donor.crop((0, 0, 360, 600)), 0.08)
    return tmp_path_factory.mktemp("stepped-in"), frames[0], frames[1]


@pytest.mark.parametrize("kind", ["original", "resize-25", "web-640", "thumb-200", "grey-luma"])
def test_a_borderline_frame_is_kept_apart_by_its_worst_block(stepped_in, kind):
    """The second frame, and each of its copies, against the first: the borderline's older checks take them
    for copies (with `blob` raised a little by the house rules, as the worst patch is at the default limit);
    the worst 8×8 block of the residual before the edge allowance (0.65-0.77; the first frame's copies 0.38
    at most) does not."""
    from bench import variant_set

    folder, first, second = stepped_in
    a = F.perceptual_fingerprint(write(folder, "first", first))
    copy = second if kind == "original" else variant_set.COPIES[kind](second)
    b = F.perceptual_fingerprint(write(folder, f"second-{kind}", copy, variant_set.QUALITY.get(kind, 90)))
    measures = likeness.compare(a, b)
    wider = likeness.Thresholds(blob=0.40)
    assert measures.within(likeness.Thresholds(blob=0.40, borderline_block=float("inf")))  # the older checks pass
    assert measures.blob > likeness.PLAIN_BLOB and measures.block > likeness.BORDERLINE_BLOCK
    assert not measures.within(wider)  # ... the worst block does not
    assert not likeness.is_variant(a, b) and not likeness.is_variant(b, a)


@pytest.mark.parametrize("kind", ["resize-25", "web-640", "thumb-200", "grey-luma", "rotate-1", "q20", "crop-all-10"])
def test_copies_of_a_frame_pass_the_worst_block(stepped_in, kind):
    """The same frame's copies have a worst block well within the limit and stay variants."""
    from bench import variant_set

    folder, first, _ = stepped_in
    a = F.perceptual_fingerprint(write(folder, "first", first))
    b = F.perceptual_fingerprint(write(folder, f"first-{kind}", variant_set.COPIES[kind](first),
                                       variant_set.QUALITY.get(kind, 90)))
    measures = likeness.compare(a, b)
    assert measures.block <= likeness.BORDERLINE_BLOCK
    assert likeness.is_variant(a, b) and likeness.is_variant(b, a)


def test_the_worst_block_is_consulted_in_the_borderline_only():
    """A worst 5×5 patch up to PLAIN_BLOB passes whatever the block; above it the block must be within
    borderline_block (relaxed with the rest for one camera's one moment)."""
    def measures(distance, blob, block, colour_blob=0.1):
        return likeness.Comparison(distance, blob, (0.0, 0.0, 1.0, 1.0), 0.9, colour_blob, 0.5, block)

    assert measures(0.05, 0.15, 0.60).variant  # below the borderline: not consulted
    assert measures(0.12, 0.30, 0.40).variant
    assert not measures(0.12, 0.30, 0.50).variant
    assert measures(0.12, 0.30, 0.50).within(likeness.DEFAULT_THRESHOLDS.relaxed())
    assert measures(0.12, 0.30, 0.50).within(likeness.Thresholds(borderline_block=0.55))
    assert not likeness.FAR.variant


def _blas():
    """numpy's OpenBLAS loaded without numpy's help (catalog.blas_dct), with numpy's cosines; skipped where the numpy
    installed carries no such library."""
    from array import array

    from catalog import blas_dct

    found = blas_dct._library()
    dgemm = blas_dct._load(found[0]) if found is not None else None
    if dgemm is None:
        pytest.skip("this numpy carries no OpenBLAS of its own")
    return dgemm, array("d", blas_dct.cosines().tobytes())


def _grids_to_hash() -> bytes:
    pick = random.Random(7)
    grids = [__import__("catalog.blas_dct").blas_dct.probe()]
    for n in range(1200):
        if n % 3 == 0:
            grids.append(bytes(pick.randrange(256) for _ in range(256)))
        elif n % 3 == 1:
            half = [pick.randrange(256) for _ in range(128)]
            grids.append(bytes(half + half[::-1]))
        else:
            row = [pick.randrange(256) for _ in range(8)]
            grids.append(bytes((row + row[::-1]) * 16))
    for seed in range(6):
        unhashed = F.unhashed_fingerprint(scene(seed))
        assert unhashed is not None
        grids.append(unhashed.grids)
    return b"".join(grids)


def test_the_products_made_without_numpy_are_numpys_bit_for_bit():
    """catalog.blas_dct calls the OpenBLAS numpy links as numpy's matmul does: every product equals numpy's, ties
    (flat and mirrored grids, whose products are zero but for rounding) included, and so every hash."""
    import numpy as np

    from catalog import blas_dct

    dgemm, cos = _blas()
    grids = _grids_to_hash()
    made = blas_dct._products(dgemm, cos, grids)
    assert made.tobytes() == np.ascontiguousarray(blas_dct.numpy_products(grids)).tobytes()
    by_numpy = F._dct_hashes(grids)  # numpy is loaded in this process: the hashes are numpy's own
    saved = blas_dct._ready
    try:
        blas_dct._ready = (dgemm, cos)
        assert F._dct_hashes(grids) == by_numpy
    finally:
        blas_dct._ready = saved


def test_an_install_is_checked_once_then_hashed_without_numpy(tmp_path):
    """The first process to hash on an install compares the products both ways (numpy imported for it) and keeps the
    verdict; a later one hashes without importing numpy, to the same fingerprint bytes. A verdict of no, or a numpy
    without its own OpenBLAS, leaves the hashes to numpy."""
    import subprocess
    import sys

    _blas()
    picture = scene()
    path = write(tmp_path, "camera", picture, exif=exif_with_thumbnail(letterboxed(picture), picture.size))
    sent = F.embedded_unhashed(path).to_bytes()
    code = ("import sys; from catalog import blas_dct; from catalog.fingerprints import hashed_bytes; "
            f"print(blas_dct.available(), 'numpy' in sys.modules, hashed_bytes(bytes.fromhex({sent.hex()!r})).hex(), "
            "'numpy' in sys.modules)")
    env = {**os.environ, "CATALOG_CACHE": str(tmp_path / "cache")}

    def run() -> list[str]:
        return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                              env=env).stdout.split()

    expected = F.embedded_fingerprint(path).to_bytes().hex()
    assert run() == ["True", "True", expected, "True"]  # checked: numpy imported once, for the check
    assert run() == ["True", "False", expected, "False"]  # then not at all
    verdict = next((tmp_path / "cache").glob("blas-dct-*.marshal"))
    kept = __import__("marshal").loads(verdict.read_bytes())
    verdict.write_bytes(__import__("marshal").dumps([*kept[:2], None]))  # as if the products had differed
    assert run() == ["False", "False", expected, "True"]  # numpy makes them


def test_without_numpys_own_openblas_the_hashes_are_numpys(monkeypatch):
    from catalog import blas_dct

    monkeypatch.setattr(blas_dct, "_ready", None)
    monkeypatch.setattr(blas_dct, "_library", lambda: None)
    monkeypatch.delitem(__import__("sys").modules, "numpy")
    assert not blas_dct.available() and blas_dct.products(bytes(256)) is None
