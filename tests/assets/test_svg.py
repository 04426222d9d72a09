"""SVG drawings are checked against an allowlist, their styles read whole, their size and nesting
bounded while reading; what drawing programs really write is still accepted."""

import io
import time

import pytest

from assets.validation import UploadRejected, validate_upload
from assets.validation import svg as svg_check

from . import badfiles as make

XHTML = 'xmlns:h="http://www.w3.org/1999/xhtml"'


def refusal(data: bytes, **settings_limits) -> UploadRejected:
    with pytest.raises(UploadRejected) as refused:
        validate_upload(io.BytesIO(data), filename="hinh.svg", allowed=("svg",))
    return refused.value


REFUSED = {
    "XHTML meta refresh": (
        f'<h:meta {XHTML} http-equiv="refresh" content="0;url=https://evil.example/"/>',
        "svg_foreign_element",
    ),
    "XHTML form": (
        f'<g {XHTML}><h:form action="https://evil.example/"><h:input name="mk"/></h:form></g>',
        "svg_foreign_element",
    ),
    "XHTML as the default namespace of a group": (
        '<g><iframe xmlns="http://www.w3.org/1999/xhtml" src="https://evil.example"/></g>',
        "svg_foreign_element",
    ),
    "XHTML script hidden in metadata": (
        f"<metadata><h:script {XHTML}>alert(1)</h:script></metadata>",
        "svg_foreign_element",
    ),
    "MathML": (
        '<math xmlns="http://www.w3.org/1998/Math/MathML"><mi>x</mi></math>',
        "svg_foreign_element",
    ),
    "element outside the allowlist": ('<cursor href="#c"/>', "svg_not_allowed"),
    "unknown element of no namespace": ('<blink xmlns="">x</blink>', "svg_not_allowed"),
    "attribute outside the allowlist": (
        '<a href="https://mst.gov.vn" ping="https://evil.example/"><text>x</text></a>',
        "svg_not_allowed",
    ),
    "xml:base": ('<g xml:base="https://evil.example/"><use href="#r"/></g>', "svg_not_allowed"),
    "url() after a child element in a style": (
        "<style>rect{fill:red}<g/>rect{fill:url(https://evil.example/p.svg#x)}</style>",
        "svg_not_allowed",
    ),
    "url() spelt with escapes": (
        "<style>rect{fill:u\\72l(https://evil.example/p.svg#x)}</style>",
        "svg_external_reference",
    ),
    "@import spelt with an escape": (
        "<style>@im\\70ort 'https://evil.example/a.css';</style>",
        "svg_external_reference",
    ),
    "@import split by a comment": (
        "<style>@im/**/port 'https://evil.example/a.css';</style>",
        "svg_external_reference",
    ),
    "image-set()": (
        "<style>rect{fill:image-set('https://evil.example/a.png' 1x)}</style>",
        "svg_external_reference",
    ),
    "remote url() in a style attribute": (
        "<rect width='1' height='1' style=\"filter:url('https://evil.example/f.svg#f')\"/>",
        "svg_external_reference",
    ),
    "remote url() in a presentation attribute": (
        '<rect width="1" height="1" fill="url(https://evil.example/g.svg#g)"/>',
        "svg_external_reference",
    ),
    "expression() in a style": (
        "<style>rect{width:expression(alert(1))}</style>",
        "svg_javascript_url",
    ),
    "use of another file": ('<use href="https://evil.example/s.svg#x"/>', "svg_external_reference"),
    "embedded SVG image": (
        '<image href="data:image/svg+xml;base64,PHN2Zz4=" width="9" height="9"/>',
        "svg_external_reference",
    ),
    "animated link": ('<a><animate attributeName="href" to="https://x.example"/></a>', None),
    "handler through attributeName": (
        '<set attributeName="onmouseover" to="alert(1)"/>',
        "svg_event_handler",
    ),
}


@pytest.mark.parametrize("body, code", REFUSED.values(), ids=REFUSED.keys())
def test_unsafe_svg_is_refused(body, code):
    error = refusal(make.svg(body))
    assert error.code == (code or "svg_external_reference"), str(error)
    assert "hinh.svg" in str(error)


def test_a_50000_deep_svg_is_refused_quickly_without_exhausting_the_stack():
    depth = 50_000
    body = "<g>" * depth + "</g>" * depth
    started = time.perf_counter()
    error = refusal(make.svg(body))
    assert error.code == "svg_too_complex"
    assert time.perf_counter() - started < 2


def test_too_many_elements_are_refused(monkeypatch):
    monkeypatch.setattr(svg_check, "MAX_ELEMENTS", 500)
    body = '<rect width="1" height="1"/>' * 600
    assert refusal(make.svg(body)).code == "svg_too_complex"


def test_an_svg_over_the_size_limit_is_refused_before_it_is_parsed(settings, monkeypatch):
    settings.ASSET_UPLOAD_LIMITS = {**settings.ASSET_UPLOAD_LIMITS, "svg_max_bytes": 1024}
    monkeypatch.setattr(svg_check, "check_svg", lambda *args: pytest.fail("parsed"))
    body = '<rect width="1" height="1"/>' * 100
    assert refusal(make.svg(body)).code == "too_large"


INKSCAPE = """<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!-- Created with Inkscape (http://www.inkscape.org/) -->
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
   xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:cc="http://creativecommons.org/ns#"
   xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
   xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"
   xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"
   width="210mm" height="297mm" viewBox="0 0 210 297" version="1.1" id="svg8"
   inkscape:version="1.2 (dc2aedaf03, 2022-05-15)" sodipodi:docname="infographic.svg">
  <defs id="defs2">
    <linearGradient id="g1" gradientUnits="userSpaceOnUse" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" style="stop-color:#da251d;stop-opacity:1"/>
      <stop offset="1" style="stop-color:#ffcd00;stop-opacity:1"/>
    </linearGradient>
    <filter id="f1" x="-0.1" y="-0.1" width="1.2" height="1.2">
      <feGaussianBlur stdDeviation="0.5" in="SourceGraphic"/>
    </filter>
  </defs>
  <sodipodi:namedview id="base" pagecolor="#ffffff" inkscape:zoom="0.35">
    <inkscape:grid type="xygrid" id="grid1"/>
  </sodipodi:namedview>
  <metadata id="metadata5">
    <rdf:RDF><cc:Work rdf:about=""><dc:format>image/svg+xml</dc:format>
      <dc:title>Chuyển đổi số</dc:title></cc:Work></rdf:RDF>
  </metadata>
  <style type="text/css"><![CDATA[
    @font-face { font-family: "Be Vietnam"; src: url(data:font/woff2;base64,d09GMgAB) }
    .title { font-family: "Be Vietnam", sans-serif; fill: url(#g1); }
  ]]></style>
  <g inkscape:label="Layer 1" inkscape:groupmode="layer" id="layer1" data-name="Lớp 1"
     aria-label="Chuyển đổi số" role="img">
    <rect x="10" y="10" width="190" height="277" style="fill:url(#g1);filter:url(#f1)"/>
    <text class="title" x="20" y="40" xml:space="preserve"><tspan>Chuyển đổi số</tspan></text>
    <path d="m 20,60 h 50 v 20 z" fill="#da251d">
      <animateTransform attributeName="transform" type="rotate" from="0" to="360" dur="6s"
        repeatCount="indefinite"/>
    </path>
    <image width="4" height="4" x="5" y="5"
      xlink:href="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="/>
    <a href="https://mst.gov.vn" target="_blank"><text x="20" y="280">mst.gov.vn</text></a>
  </g>
</svg>
"""


def test_what_inkscape_writes_is_accepted():
    sniffed = validate_upload(
        io.BytesIO(INKSCAPE.encode()), filename="infographic.svg", allowed=("svg",)
    )
    assert (sniffed.family, sniffed.width, sniffed.height) == ("svg", 210, 297)
