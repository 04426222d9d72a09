"""What an SVG drawing may contain: the elements and attributes of SVG 1.1 and SVG 2 that draw,
in the SVG namespace, and the private namespaces drawing programs write and browsers ignore.

An allowlist, not a blocklist: anything else (another language's elements such as XHTML's
<meta http-equiv> or <form>, an attribute nobody draws with) is refused by name.
"""

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
XML_NS = "http://www.w3.org/XML/1998/namespace"

# Languages a browser runs or renders inside an SVG document, wherever they appear.
FORBIDDEN_NAMESPACES = {
    "http://www.w3.org/1999/xhtml": "XHTML",
    "http://www.w3.org/1998/Math/MathML": "MathML",
    "http://www.w3.org/1999/XSL/Transform": "XSLT",
    "http://www.w3.org/2002/xforms": "XForms",
    "http://www.w3.org/2001/XInclude": "XInclude",
}

# Namespaces of drawing programs' own data (Inkscape, Sodipodi, Illustrator, Sketch, Affinity):
# browsers draw none of it.
EDITOR_NAMESPACES = {
    "http://www.inkscape.org/namespaces/inkscape",
    "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
    "http://ns.adobe.com/AdobeIllustrator/10.0/",
    "http://ns.adobe.com/AdobeSVGViewerExtensions/3.0/",
    "http://ns.adobe.com/Extensibility/1.0/",
    "http://ns.adobe.com/Flows/1.0/",
    "http://ns.adobe.com/GenericCustomNamespace/1.0/",
    "http://ns.adobe.com/Graphs/1.0/",
    "http://ns.adobe.com/ImageReplacement/1.0/",
    "http://ns.adobe.com/SaveForWeb/1.0/",
    "http://ns.adobe.com/Variables/1.0/",
    "http://www.bohemiancoding.com/sketch/ns",
    "http://www.serif.com/",
}

SCRIPT_ELEMENTS = {"script", "handler", "listener"}
EMBEDDING_ELEMENTS = {"foreignObject", "iframe", "embed", "object", "audio", "video", "canvas"}

ELEMENTS = {
    # structure
    "svg", "g", "defs", "desc", "title", "metadata", "symbol", "use", "switch", "view", "style",
    "a", "image",
    # shapes and text
    "path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
    "text", "tspan", "textPath", "tref",
    # paint servers, clipping, masking, markers
    "linearGradient", "radialGradient", "stop", "pattern", "solidcolor", "clipPath", "mask",
    "marker",
    # filters
    "filter", "feBlend", "feColorMatrix", "feComponentTransfer", "feComposite",
    "feConvolveMatrix", "feDiffuseLighting", "feDisplacementMap", "feDistantLight",
    "feDropShadow", "feFlood", "feFuncA", "feFuncB", "feFuncG", "feFuncR", "feGaussianBlur",
    "feImage", "feMerge", "feMergeNode", "feMorphology", "feOffset", "fePointLight",
    "feSpecularLighting", "feSpotLight", "feTile", "feTurbulence",
    # animation (attributeName is checked: no links, no handlers)
    "animate", "animateMotion", "animateTransform", "set", "mpath",
}  # fmt: skip

ATTRIBUTES = {
    # core and accessibility
    "id", "class", "style", "lang", "tabindex", "role", "focusable",
    # presentation
    "alignment-baseline", "baseline-shift", "clip", "clip-path", "clip-rule", "color",
    "color-interpolation", "color-interpolation-filters", "color-profile", "color-rendering",
    "direction", "display", "dominant-baseline", "enable-background", "fill", "fill-opacity",
    "fill-rule", "filter", "flood-color", "flood-opacity", "font", "font-family", "font-size",
    "font-size-adjust", "font-stretch", "font-style", "font-variant", "font-weight",
    "glyph-orientation-horizontal", "glyph-orientation-vertical", "image-rendering", "isolation",
    "kerning", "letter-spacing", "lighting-color", "marker", "marker-end", "marker-mid",
    "marker-start", "mask", "mask-type", "mix-blend-mode", "opacity", "overflow", "paint-order",
    "pointer-events", "shape-rendering", "stop-color", "stop-opacity", "stroke",
    "stroke-dasharray", "stroke-dashoffset", "stroke-linecap", "stroke-linejoin",
    "stroke-miterlimit", "stroke-opacity", "stroke-width", "text-anchor", "text-decoration",
    "text-rendering", "transform", "transform-box", "transform-origin", "unicode-bidi",
    "vector-effect", "visibility", "white-space", "word-spacing", "writing-mode",
    # geometry and element attributes
    "x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r", "rx", "ry", "fx", "fy", "fr", "width",
    "height", "d", "points", "pathLength", "viewBox", "preserveAspectRatio", "version",
    "baseProfile", "zoomAndPan", "contentStyleType", "href", "target", "rel", "hreflang",
    "media", "type", "gradientUnits", "gradientTransform", "spreadMethod", "offset",
    "patternUnits", "patternContentUnits", "patternTransform", "clipPathUnits", "maskUnits",
    "maskContentUnits", "markerUnits", "markerWidth", "markerHeight", "refX", "refY", "orient",
    "dx", "dy", "rotate", "textLength", "lengthAdjust", "startOffset", "method", "spacing",
    "side", "requiredFeatures", "requiredExtensions", "systemLanguage",
    "externalResourcesRequired",
    # filters
    "filterUnits", "primitiveUnits", "filterRes", "in", "in2", "result", "stdDeviation", "mode",
    "operator", "k1", "k2", "k3", "k4", "values", "tableValues", "slope", "intercept",
    "amplitude", "exponent", "order", "kernelMatrix", "divisor", "bias", "targetX", "targetY",
    "edgeMode", "kernelUnitLength", "preserveAlpha", "surfaceScale", "diffuseConstant",
    "specularConstant", "specularExponent", "azimuth", "elevation", "z", "pointsAtX",
    "pointsAtY", "pointsAtZ", "limitingConeAngle", "scale", "xChannelSelector",
    "yChannelSelector", "radius", "baseFrequency", "numOctaves", "seed", "stitchTiles",
    # animation
    "attributeName", "attributeType", "begin", "dur", "end", "min", "max", "restart",
    "repeatCount", "repeatDur", "calcMode", "keyTimes", "keySplines", "from", "to", "by",
    "additive", "accumulate", "path", "keyPoints",
}  # fmt: skip
ATTRIBUTE_PREFIXES = ("aria-", "data-")
XLINK_ATTRIBUTES = {"href", "title", "show", "actuate", "type", "role", "arcrole"}
XML_ATTRIBUTES = {"space", "lang"}  # not xml:base, which moves where every link points
LINK_ATTRIBUTES = {"href", "src"}
