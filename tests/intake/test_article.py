"""Tests of dashboard.intake.article: decoding uploads and reducing HTML to text."""
from __future__ import annotations

import pytest

from dashboard.intake.article import ArticleError, decode_bytes, html_to_text, read_article

KO = "한빛반도체는 평택에 3조2000억원을 들여 새 라인을 짓는다고 23일 밝혔다. 월 4만 장 규모다."
JA = "東邦電子は熊本に約4千億円を投じて新工場を建てる。2027年の稼働を目指す。"
ZH_CN = "华芯集团宣布投资500亿元人民币建设十二英寸晶圆厂，预计月产能5万片。"
ZH_TW = "聯華科技宣布在台南投資新台幣1.2兆元興建先進封裝廠，預計創造三千個工作機會。"


@pytest.mark.parametrize(
    ("text", "encoding"),
    [(KO, "cp949"), (KO, "euc_kr"), (JA, "shift_jis"), (JA, "euc_jp"), (ZH_CN, "gb18030"), (ZH_TW, "big5")],
)
def test_legacy_cjk_encodings_decode(text, encoding):
    """Articles saved in the legacy encodings of Korean, Japanese and Chinese sites decode exactly."""
    decoded, _ = decode_bytes(text.encode(encoding), "a.txt")
    assert decoded == text


def test_utf8_and_bom():
    """UTF-8 with and without a byte-order mark decodes, and the BOM is dropped."""
    assert decode_bytes(KO.encode("utf-8")) == (KO, "utf-8")
    assert decode_bytes(b"\xef\xbb\xbf" + JA.encode("utf-8")) == (JA, "utf-8-sig")


def test_html_meta_charset_is_used():
    """An HTML page that declares its charset is decoded with it."""
    page = f'<html><head><meta charset="shift_jis"><title>記事</title></head><body><p>{JA}</p></body></html>'
    art = read_article(page.encode("shift_jis"), "page.html")
    assert art.was_html and art.encoding == "shift_jis"
    assert JA in art.text


def test_html_reduced_to_text_blocks():
    """Scripts and styles go, inline tags stay inside their sentence, blocks become lines."""
    page = (
        "<html><head><style>p{color:red}</style><script>var x = '9999억원';</script></head>"
        "<body><nav>메뉴</nav><p>삼성은 <b>400억엔</b>을 투자한다.</p><div>둘째 줄<br>셋째 줄</div></body></html>"
    )
    assert html_to_text(page) == "삼성은 400억엔을 투자한다.\n둘째 줄\n셋째 줄"


def test_too_large_upload_refused():
    """An upload over the size limit is refused with the file named and nothing decoded."""
    with pytest.raises(ArticleError, match=r"big\.txt: 101 bytes is over the 100-byte limit"):
        read_article(b"x" * 101, "big.txt", max_bytes=100)


def test_empty_upload_refused():
    """An empty file is an error that names the file."""
    with pytest.raises(ArticleError, match=r"empty\.txt: the file is empty"):
        read_article(b"  \n", "empty.txt")


def test_plain_text_line_endings_normalised():
    """CRLF text files come back with plain newlines."""
    art = read_article("첫 줄\r\n둘째 줄\r\n".encode("cp949"), "a.txt")
    assert art.text == "첫 줄\n둘째 줄" and not art.was_html


def test_utf8_with_one_bad_byte_reads_with_a_warning():
    """A UTF-8 article with one bad byte is read, the byte replaced, and the warning says so (no mojibake guess)."""
    data = KO.encode("utf-8")
    at = len("한빛반도체는 ".encode("utf-8"))  # between two characters
    damaged = data[:at] + b"\xff" + data[at:]
    art = read_article(damaged, "bad.txt")
    assert art.encoding == "utf-8" and art.text.replace("\ufffd", "") == KO and art.text.count("\ufffd") == 1
    assert art.warning == "bad.txt: 1 damaged byte replaced with \ufffd (read as utf-8)"
    inside = read_article(data[:at + 1] + b"\xff" + data[at + 1:], "inside.txt")  # inside a character: it is lost
    assert inside.encoding == "utf-8" and inside.text.endswith(KO[-20:]) and "damaged bytes replaced" in inside.warning


def test_shift_jis_cut_mid_character_reads_with_a_warning():
    """A Shift_JIS article cut inside its last character keeps all the rest, and says the file ends mid-character."""
    data = JA.encode("shift_jis")
    art = read_article(data[:-1], "cut.txt")
    assert art.text == JA[:-1] + "\ufffd" and art.encoding in ("cp932", "shift_jis")
    assert "ends in the middle of a character" in art.warning


def test_utf16le_without_bom_reads():
    """UTF-16LE with no byte-order mark is recognised (ASCII digits and spaces give it away)."""
    text = "Samsung invests 400억엔 in Yokohama. " + KO
    art = read_article(text.encode("utf-16-le"), "u16.txt")
    assert art.text == text and art.encoding == "utf-16-le" and art.warning is None
    art = read_article(text.encode("utf-16-le") + b"\x00", "odd.txt")  # an odd length: one byte too many
    assert art.text.startswith(text) and "1 damaged byte" in art.warning


def test_intact_legacy_files_have_no_warning():
    """Undamaged legacy-encoded files read exactly and carry no warning."""
    art = read_article(KO.encode("cp949"), "ko.txt")
    assert art.text == KO and art.warning is None


def test_wrong_type_refused_by_name():
    """A file that is not .txt/.text/.html/.htm is refused with one message naming the file and the types."""
    with pytest.raises(ArticleError, match=r"scan\.pdf: not a text or HTML file \(\.pdf\); save the article as \.txt"):
        read_article(b"%PDF-1.7 ...", "scan.pdf")


def test_random_bytes_are_still_refused():
    """Bytes that are no text at all are refused, not decoded into replacement characters."""
    import random

    rng = random.Random(5)
    noise = bytes(rng.randrange(128, 256) for _ in range(4000))
    with pytest.raises(ArticleError, match="cannot tell the text encoding"):
        read_article(noise, "noise.txt")

