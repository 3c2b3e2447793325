"""A saved page read through its markup (pilkada.html): what its head and microdata say, and the
credit lines right under the article."""

from __future__ import annotations

from pilkada.html import page

PARAGRAPHS = "".join(
    f"<p>{text}</p>"
    for text in (
        "LARANTUKA – Komisi Pemilihan Umum Kabupaten Flores Timur menggelar simulasi pemungutan "
        "suara di halaman kantor camat pada Sabtu pagi.",
        "Simulasi itu diikuti puluhan warga yang antre di depan bilik suara sambil membawa "
        "undangan dari petugas.",
    )
)
HEADLINE = "KPU Flores Timur Gelar Simulasi Pemungutan Suara"


def html(title: str, article: str, after: str = "", head: str = "") -> str:
    return (
        f"<html><head><title>{title}</title>{head}</head><body>"
        f"<nav><ul><li><a href='/'>Beranda</a></li><li><a href='/p'>Politik</a></li></ul></nav>"
        f"<div class='post'><h3>{HEADLINE}</h3><div class='post-body'>{article}</div>{after}</div>"
        "</body></html>"
    )


OG_TITLE = f"<meta property='og:title' content='{HEADLINE}'>"


def test_the_sites_name_in_the_title_beside_the_headline_is_the_outlet() -> None:
    for title, site in [
        (f"Kabar Tanjung: {HEADLINE}", "Kabar Tanjung"),
        (f"{HEADLINE} - Warta Flotim", "Warta Flotim"),
        (f"{HEADLINE} | Berita | Warta Flotim", "Warta Flotim"),
    ]:
        assert page(html(title, PARAGRAPHS, head=OG_TITLE)).outlet == site


def test_a_title_that_is_the_headline_alone_names_no_site() -> None:
    assert page(html(HEADLINE, PARAGRAPHS, head=OG_TITLE)).outlet is None


def test_og_site_name_wins_over_the_title() -> None:
    head = OG_TITLE + "<meta property='og:site_name' content='WartaFlotim.com'>"
    assert page(html(f"{HEADLINE} - Warta Flotim", PARAGRAPHS, head=head)).outlet == (
        "WartaFlotim.com"
    )


def test_the_writer_microdata_names_is_an_author() -> None:
    footer = (
        "<div class='post-footer'>Diposting oleh <span itemprop='author' itemscope>"
        "<a href='/profile'><span itemprop='name'>Yohanes Kia</span></a></span> di 19.45</div>"
    )
    assert page(html(HEADLINE, PARAGRAPHS, after=footer)).authors == ("Yohanes Kia",)


def test_a_credit_label_and_the_name_under_it_after_the_article_are_read() -> None:
    after = (
        "<div class='field'><div class='field-label'>Penulis:</div>"
        "<div class='field-item'>Rosalia Tukan</div></div>"
        "<div class='links'><span>412 reads</span></div>"
    )
    found = page(html(HEADLINE, PARAGRAPHS, after=after))
    assert found.lines[-2:] == ["Penulis:", "Rosalia Tukan"]


def test_a_blogs_post_footer_under_the_article_is_read() -> None:
    after = "<div class='byline'>Diposting oleh Yohanes Kia di 19.45</div><p>Lainnya</p>"
    assert page(html(HEADLINE, PARAGRAPHS, after=after)).lines[-1] == (
        "Diposting oleh Yohanes Kia di 19.45"
    )
