"""Where a picture came from: Digital Source Type, the IPTC AI fields, and C2PA Content Credentials signed at
test time with c2pa-python and a certificate chain made here, then tampered with."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PIL import Image

from catalog.metadata import read
from catalog.metadata.credentials import read_c2pa
from catalog.metadata.provenance import SOURCE_TYPES, would_break_c2pa
from catalog.metadata.restrictions import restrictions_of
from catalog.metadata.walkers import c2pa_kind
from tests import image_bytes

c2pa = pytest.importorskip("c2pa")
TRAINED = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"
CAPTURE = "http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture"
needs_exiftool = pytest.mark.skipif(shutil.which("exiftool") is None, reason="needs ExifTool")


@pytest.fixture(scope="module")
def signer():
    """A c2pa Signer with an ES256 key and a two-certificate chain (a test root, and a signer it issued)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    now = datetime.now(UTC)

    def name(common: str) -> x509.Name:
        return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common),
                          x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Catalog Test Desk")])

    def usage(**on) -> x509.KeyUsage:
        flags = dict.fromkeys(("digital_signature", "content_commitment", "key_encipherment", "data_encipherment",
                               "key_agreement", "key_cert_sign", "crl_sign", "encipher_only", "decipher_only"), False)
        return x509.KeyUsage(**{**flags, **on})

    def certificate(subject, issuer, key, issuer_key, *, ca: bool):
        builder = (x509.CertificateBuilder().subject_name(subject).issuer_name(issuer).public_key(key.public_key())
                   .serial_number(x509.random_serial_number())
                   .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=30))
                   .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
                   .add_extension(usage(key_cert_sign=True, crl_sign=True) if ca else usage(digital_signature=True),
                                  critical=True)
                   .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False))
        if not ca:
            email = x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION])
            builder = (builder.add_extension(email, critical=False)
                       .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()),
                                      critical=False))
        return builder.sign(issuer_key, hashes.SHA256())

    root_key, key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    root = certificate(name("Catalog Test Root"), name("Catalog Test Root"), root_key, root_key, ca=True)
    leaf = certificate(name("Catalog Test Signer"), root.subject, key, root_key, ca=False)
    chain = b"".join(c.public_bytes(serialization.Encoding.PEM) for c in (leaf, root))
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption())
    return c2pa.Signer.from_info(c2pa.C2paSignerInfo(c2pa.C2paSigningAlg.ES256, chain, pem, None))


def sign(signer, source: Path, target: Path, source_type: str = TRAINED) -> Path:
    manifest = {"claim_generator_info": [{"name": "Catalog Test Camera", "version": "2.1"}], "title": source.name,
                "assertions": [{"label": "c2pa.actions", "data": {"actions": [
                    {"action": "c2pa.created", "digitalSourceType": source_type}]}}]}
    with c2pa.Builder(manifest) as builder:
        builder.sign_file(str(source), str(target), signer)
    return target


def picture(path: Path, color=(200, 40, 40)) -> Path:
    Image.new("RGB", (96, 64), color).save(path, quality=90)
    return path


def tamper(signed: Path, target: Path) -> Path:
    """A copy with some of its pixels changed: bytes flipped inside the JPEG scan, the manifest kept."""
    data = bytearray(signed.read_bytes())
    scan = data.rfind(b"\xff\xda")
    for at in range(scan + 30, scan + 60):
        data[at] ^= 0x5A
    target.write_bytes(bytes(data))
    return target


def test_a_signed_picture_reads_as_valid_credentials_of_ai_generation(tmp_path, signer):
    signed = sign(signer, picture(tmp_path / "plain.jpg"), tmp_path / "signed.jpg")
    metadata = read(signed)
    provenance = metadata.provenance.as_json()
    assert provenance["c2pa"]["present"] is True and provenance["c2pa"]["valid"] is True
    assert provenance["c2pa"]["issuer"] == "Catalog Test Desk"
    assert provenance["c2pa"]["generator"] == "Catalog Test Camera 2.1"
    assert provenance["c2pa"]["actions"] == [{"action": "c2pa.created", "digitalSourceType": TRAINED}]
    assert provenance["source_type"] == "trainedAlgorithmicMedia" and provenance["ai"] is True
    assert any(error.startswith("signingCredential.untrusted") for error in provenance["c2pa"]["errors"])


def test_a_tampered_copy_reads_as_invalid(tmp_path, signer):
    signed = sign(signer, picture(tmp_path / "plain.jpg"), tmp_path / "signed.jpg", CAPTURE)
    tampered = tamper(signed, tmp_path / "tampered.jpg")
    c2pa_info = read(tampered).provenance.c2pa
    assert (c2pa_info.present, c2pa_info.valid) == (True, False)
    assert any("dataHash.mismatch" in error for error in c2pa_info.errors)
    assert read(signed).provenance.c2pa.valid is True  # the original is untouched


def test_a_file_without_a_manifest_never_loads_c2pa(tmp_path):
    """The cheap path: our walker finds no C2PA store, so the library is not even imported."""
    plain = picture(tmp_path / "plain.jpg")
    code = ("import sys, json; from catalog.metadata import read; m = read(sys.argv[1]); "
            "print(json.dumps([m.provenance.as_json(), 'c2pa' in sys.modules]))")
    out = subprocess.run([sys.executable, "-c", code, str(plain)], capture_output=True, text=True, check=True)
    provenance, loaded = json.loads(out.stdout)
    assert loaded is False
    assert provenance == {"source_type": None, "ai": None, "c2pa": {
        "present": False, "valid": None, "issuer": None, "generator": None, "actions": [], "errors": []}}


def test_a_damaged_store_is_a_value_not_an_exception(tmp_path):
    box = b"\x00\x00\x00\x40jumb\x00\x00\x00\x1ejumdc2pa" + bytes.fromhex("00110010800000aa00389b71") + b"\x03c2pa\x00"
    segment = image_bytes.segment(0xEB, b"JP\x00\x01\x00\x00\x00\x01" + box + b"\x00" * 20)
    path = tmp_path / "damaged.jpg"
    path.write_bytes(image_bytes.jpeg(segment))
    metadata = read(path)
    assert metadata.width == 16
    assert (metadata.provenance.c2pa.present, metadata.provenance.c2pa.valid) == (True, False)
    assert metadata.provenance.c2pa.errors
    assert would_break_c2pa(path) is None


def test_an_early_cai_store_is_recognised_but_not_read(tmp_path):
    box = b"\x00\x00\x00\x40jumb\x00\x00\x00\x1djumdcacb" + bytes.fromhex("00110010800000aa00389b71") + b"\x03cai\x00"
    path = tmp_path / "cai.jpg"
    path.write_bytes(image_bytes.jpeg(image_bytes.segment(0xEB, b"JP\x00\x01\x00\x00\x00\x01" + box)))
    info = read(path).provenance.c2pa
    assert (info.present, info.valid) == (True, None) and "before the C2PA standard" in info.errors[0]


@pytest.mark.parametrize("suffix", [".png", ".webp", ".tif"])
def test_credentials_are_found_in_other_formats(tmp_path, signer, suffix):
    signed = sign(signer, picture(tmp_path / f"plain{suffix}"), tmp_path / f"signed{suffix}", CAPTURE)
    assert c2pa_kind(tmp_path / f"plain{suffix}") is None
    assert c2pa_kind(signed) == "c2pa"
    provenance = read(signed).provenance
    assert (provenance.c2pa.valid, provenance.source_type, provenance.ai) == (True, "digitalCapture", False)


def test_credentials_are_found_in_heif(tmp_path, signer):
    pillow_heif = pytest.importorskip("pillow_heif")
    pillow_heif.register_heif_opener()
    try:
        picture(tmp_path / "plain.heic")
    except (OSError, ValueError, KeyError) as error:
        pytest.skip(f"this pillow-heif cannot write HEIC ({error})")
    signed = sign(signer, tmp_path / "plain.heic", tmp_path / "signed.heic")
    assert c2pa_kind(signed) == "c2pa"
    assert read(signed).provenance.c2pa.valid is True


def test_write_is_warned_off_valid_credentials_only(tmp_path, signer):
    plain = picture(tmp_path / "plain.jpg")
    signed = sign(signer, plain, tmp_path / "signed.jpg")
    reason = would_break_c2pa(signed)
    assert "valid C2PA Content Credentials signed by Catalog Test Desk" in reason
    assert "Catalog Test Camera 2.1" in reason
    assert would_break_c2pa(tamper(signed, tmp_path / "tampered.jpg")) is None  # nothing left to break
    assert would_break_c2pa(plain) is None
    assert would_break_c2pa(tmp_path / "missing.jpg") is None


def test_read_c2pa_turns_every_failure_into_a_value(tmp_path):
    info = read_c2pa(tmp_path / "missing.jpg")
    assert (info.present, info.valid) == (True, False) and "could not read" in info.errors[0]
    assert read_c2pa(tmp_path / "missing.jpg", None).present is False


@needs_exiftool
@pytest.mark.parametrize("name", sorted(SOURCE_TYPES))
def test_each_digital_source_type(tmp_path, name):
    path = picture(tmp_path / "photo.jpg")
    uri = f"http://cv.iptc.org/newscodes/digitalsourcetype/{name}"
    subprocess.run(["exiftool", "-q", "-overwrite_original", f"-XMP-iptcExt:DigitalSourceType={uri}", str(path)],
                   check=True)
    provenance = read(path).provenance
    assert (provenance.source_type, provenance.ai) == (name, SOURCE_TYPES[name])


@needs_exiftool
@pytest.mark.parametrize(("written", "name"), [("digsrctype:trainedAlgorithmicMedia", "trainedAlgorithmicMedia"),
                                               ("trainedAlgorithmicMedia", "trainedAlgorithmicMedia"),
                                               ("nil", "nil")])
def test_other_spellings_of_the_source_type(tmp_path, written, name):
    path = picture(tmp_path / "photo.jpg")
    subprocess.run(["exiftool", "-q", "-overwrite_original", f"-XMP-iptcExt:DigitalSourceType={written}", str(path)],
                   check=True)
    assert read(path).provenance.source_type == name


def test_the_2025_ai_fields(tmp_path):
    packet = image_bytes.xmp_packet(properties=(
        'xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/" '
        'Iptc4xmpExt:AISystemUsed="Imagen" Iptc4xmpExt:AISystemVersionUsed="3" '
        'Iptc4xmpExt:AIPromptInformation="a red square on a white table" '
        f'Iptc4xmpExt:DigitalSourceType="{CAPTURE}"'))
    path = tmp_path / "ai.jpg"
    path.write_bytes(image_bytes.jpeg(image_bytes.xmp_segment(packet)))
    provenance = read(path).provenance
    assert provenance.ai is True  # the AI fields outweigh the claim of a capture
    assert provenance.as_json()["ai_fields"] == {"ai_system": "Imagen", "ai_system_version": "3",
                                                 "ai_prompt": "a red square on a white table"}


@needs_exiftool
def test_restriction_texts_in_each_rights_field(tmp_path):
    path = picture(tmp_path / "wire.jpg")
    subprocess.run(["exiftool", "-q", "-overwrite_original",
                    "-IPTC:SpecialInstructions=NO SALES", "-XMP-photoshop:Instructions=NO SALES. JAPAN OUT",
                    "-XMP-xmpRights:UsageTerms=Editorial use only", "-XMP-xmpRights:WebStatement=https://example.com",
                    "-XMP-plus:ImageAlterationConstraints=No Cropping", "-XMP-plus:OtherConstraints=Print only",
                    "-IPTC:Caption-Abstract=Crowds gather. EMBARGOED UNTIL 0900 JST OCT 14 (Kyodo)", str(path)],
                   check=True)
    found = restrictions_of(read(path), reference_date=datetime(2025, 10, 10, tzinfo=UTC))
    assert [(r.kind, r.region, r.source) for r in found] == [
        ("no_sales", None, "instructions"), ("region_out", "JAPAN", "instructions"),
        ("editorial_only", None, "usage_terms"), ("no_alteration", None, "plus"),
        ("other", None, "constraints"), ("embargo", None, "caption")]
    assert found[-1].until == datetime(2025, 10, 14, 0, 0, tzinfo=UTC)


@needs_exiftool
def test_the_iim_copy_is_read_when_there_is_no_xmp(tmp_path):
    path = picture(tmp_path / "iim.jpg")
    subprocess.run(["exiftool", "-q", "-overwrite_original", "-IPTC:SpecialInstructions=MANDATORY CREDIT",
                    str(path)], check=True)
    assert read(path).rights == [("instructions", "MANDATORY CREDIT")]


@pytest.mark.parametrize("suffix", [".jpg", ".png", ".webp", ".tif"])
def test_cut_short_signed_files_are_read_without_surprises(tmp_path, signer, suffix):
    """Files cut inside their C2PA store: a value or a plain-words failure, never an unexpected error."""
    data = sign(signer, picture(tmp_path / f"plain{suffix}"), tmp_path / f"signed{suffix}", CAPTURE).read_bytes()
    store = max(data.find(b"jumb"), 0)
    for cut in sorted({store - 4, store + 2, store + 20, store + 200, len(data) // 2, len(data) - 3}):
        path = tmp_path / f"cut{cut}{suffix}"
        path.write_bytes(data[: max(cut, 8)])
        result = read(path)
        assert "unexpected" not in getattr(result, "reason", ""), (cut, result)
        c2pa_kind(path)  # never raises either
        assert would_break_c2pa(path) is None or "valid C2PA" in would_break_c2pa(path)


def test_a_folder_with_signed_pictures_imports_in_reader_processes(tmp_path, signer, lib):
    """The import reads in crash-isolated processes: c2pa must load and read there as well as here."""
    folder = tmp_path / "wire"
    folder.mkdir()
    for index in range(3):
        sign(signer, picture(tmp_path / f"plain{index}.jpg", (40 * index, 90, 90)), folder / f"signed{index}.jpg")
    tamper(folder / "signed0.jpg", folder / "tampered.jpg")
    picture(folder / "plain.jpg")
    report = lib.import_paths([str(folder)])
    assert (report.added, report.failed) == (5, 0)
