"""A reader of plain PDF files for preflight, without pypdf.

Plain: what reportlab and newsprint's joiner write — one classic xref table
(no /Prev, no xref or object streams, no encryption), every object where the
table says, direct stream lengths, streams unfiltered, Flate (no parameters)
or DCT.  Objects are parsed when first read and come as pypdf gives them for
what checks.py reads: Dict (dict; d[key] resolves a reference, get() does not),
Stream (a Dict with _data and get_data()), Array (list), Name and String
(str), int, float, Bool (always true, like pypdf's), Ref (get_object()).

Only a strict subset of the syntax is taken (names in ASCII, literal
strings of printable ASCII without escapes, numbers as pypdf reads them, no
hex strings, no null).  Anything else, met when opening or later when an
object is read, raises Unsupported and sets doc.unsupported: the caller reads
the file with pypdf instead, so no file is read differently.
"""
from __future__ import annotations

import re
import zlib

from layout.preflight.reader import Reader
from layout.press.xref import xref_table

_MAX_OUTPUT = 75_000_000          # pypdf's default limits for a stream and its Flate output


class Unsupported(Exception):
    pass


class Ref:
    __slots__ = ("doc", "idnum", "generation")

    def __init__(self, doc, idnum: int, generation: int):
        self.doc, self.idnum, self.generation = doc, idnum, generation

    def get_object(self):
        return self.doc.get(self.idnum, self.generation)

    def __eq__(self, other):
        return (other.__class__ is Ref and other.doc is self.doc
                and (other.idnum, other.generation) == (self.idnum, self.generation))

    def __hash__(self):
        return hash((self.idnum, self.generation))

    def __repr__(self):
        return f"Ref({self.idnum}, {self.generation})"


class Dict(dict):
    __slots__ = ()

    def __getitem__(self, key):
        value = dict.__getitem__(self, key)
        return value.get_object() if value.__class__ is Ref else value


class Stream(Dict):
    __slots__ = ("doc", "_data", "_decoded")

    def get_data(self) -> bytes:
        if self._decoded is None:
            self._decoded = self.doc.decode(self)
        return self._decoded

    def decode_as_image(self):
        """pypdf's image decoding is not repeated here: the file goes to pypdf."""
        self.doc.refuse("an image only pypdf decodes")


class Array(list):
    __slots__ = ()


class Name(str):
    __slots__ = ()


class String(str):
    __slots__ = ()


class Bool:
    """true/false as pypdf has them: always truthy, == compares the value."""
    __slots__ = ("value",)

    def __init__(self, value: bool):
        self.value = value

    def __eq__(self, other):
        return self.value == (other.value if other.__class__ is Bool else other)

    def __hash__(self):
        return hash((Bool, self.value))

    def __repr__(self):
        return "True" if self.value else "False"


_TRUE, _FALSE = Bool(True), Bool(False)
_END = rb"(?=[\x00\t\n\x0c\r ()<>\[\]{}/%]|\Z)"
_TOKENS = (rb"(?:"
                    rb"(?P<ref>(?P<num_>\d{1,10})[ \t\r\n]+(?P<gen>\d{1,5})[ \t\r\n]+R" + _END + rb")"
                    rb"|(?P<num>[+-]?(?:\d{1,40}(?:\.\d{0,40})?|\.\d{1,40}))(?![+\-.0-9])" + _END +
                    rb"|(?P<name>/(?:[!\"$&'*+,\-.0-9:;=?@A-Z\\^_`a-z|~]|#[0-9A-Fa-f]{2}){0,127})" + _END +
                    rb"|(?P<open><<)|(?P<close>>>)|(?P<arr>\[)|(?P<arrend>\])"
                    rb"|(?P<hex><[0-9A-Fa-f\x00\t\n\x0c\r ]{0,1024}>)"
                    rb"|(?P<str>\([\x20-\x27\x2a-\x5b\x5d-\x7e]{0,4096}\))"
                    rb"|(?P<true>true)" + _END + rb"|(?P<false>false)" + _END + rb")")
_TOKEN = re.compile(rb"[\x00\t\n\x0c\r ]*+" + _TOKENS)
_TRAILER_TOKEN = re.compile(rb"(?:[\x00\t\n\x0c\r ]++|%[^\r\n]*+)*+" + _TOKENS)   # comments too
_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
_NUMBERS = re.compile(rb"\[((?:[\x00\t\n\x0c\r ]++|-?\d{1,10}(?:\.\d{1,10})?(?=[\x00\t\n\x0c\r \]]))*+)\]")
_HEAD = re.compile(rb"(\d{1,10})[\x00\t\n\x0c\r ]+(\d{1,5})[\x00\t\n\x0c\r ]+obj" + _END)
_STREAM = re.compile(rb"[ \r\n]*stream *(?:\r\n|\n)")
_ENDSTREAM = re.compile(rb"[ \r\n]*endstream")
_ENDOBJ = re.compile(rb"[\x00\t\n\x0c\r ]*endobj")
_STARTXREF = re.compile(rb"[\x00\t\n\x0c\r ]*startxref")
_INHERITED = ("/Resources", "/MediaBox", "/CropBox", "/Rotate")
# document info: << /Key (literal) or /Key /Name … >>, strings without nested parentheses
_INFO = re.compile(rb"[\x00\t\n\x0c\r ]*<<(.*?)>>[\x00\t\n\x0c\r ]*endobj", re.S)
_INFO_ITEM = re.compile(rb"[\x00\t\n\x0c\r ]*(?P<key>/[A-Za-z0-9_]{1,64})[\x00\t\n\x0c\r ]*"
                        rb"(?P<value>\((?:[^()\\\r\n]|\\[nrtbf()\\]|\\[0-3][0-7]{2})*\)|<(?:[0-9A-Fa-f]{2})*>|/[A-Za-z0-9_]{1,64}(?=[\x00\t\n\x0c\r />]))")
_STRING_ESCAPE = re.compile(rb"\\([nrtbf()\\]|[0-3][0-7]{2})")
_ESCAPED = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f",
            b"(": b"(", b")": b")", b"\\": b"\\"}


def _unescape(code: bytes) -> bytes:
    return _ESCAPED[code] if len(code) == 1 else bytes((int(code, 8),))


class Document(Reader):
    """The objects of one plain PDF file (open_plain makes it)."""

    def __init__(self, data: bytes, entries: dict):
        self.data = data
        self.entries = entries
        self.objects: dict = {}
        self.unsupported = False
        self.trailer = Dict()
        self._pages = None
        self._hex = False             # hex strings and comments: only in the trailer (/ID is never read)

    def refuse(self, why: str):
        self.unsupported = True
        raise Unsupported(why)

    def doubt(self) -> None:
        self.unsupported = True

    def contents(self, page):
        return contents(self, page)

    def info(self) -> dict:
        """The document info dictionary: key → text (strings decoded) or /Name.  Read from
        the object's bytes: literal strings with escapes (UTF-16 titles) are taken here;
        anything else (hex strings, numbers, non-ASCII bytes outside UTF-16) is refused."""
        ref = dict.get(self.trailer, "/Info")
        if ref is None:
            return {}
        if ref.__class__ is not Ref or ref.idnum not in self.entries:
            self.refuse("a document info only pypdf reads")
        offset = self.entries[ref.idnum][0]
        head = _HEAD.match(self.data, offset)
        body = _INFO.match(self.data, head.end()) if head is not None else None
        if body is None:
            self.refuse("a document info only pypdf reads")
        out = {}
        for m in _INFO_ITEM.finditer(body[1]):
            key, value = m["key"].decode("ascii"), m["value"]
            if key in out:
                self.refuse("a document info only pypdf reads")
            out[key] = (value.decode("ascii") if value[:1] == b"/" else
                        self._text(bytes.fromhex(value[1:-1].decode("ascii")), False) if value[:1] == b"<" else
                        self._text(value[1:-1]))
        if _INFO_ITEM.sub(b"", body[1]).strip(b"\x00\t\n\x0c\r "):
            self.refuse("a document info only pypdf reads")
        return out

    def _text(self, raw: bytes, literal: bool = True) -> str:
        data = _STRING_ESCAPE.sub(lambda e: _unescape(e[1]), raw) if literal else raw
        if data[:2] == b"\xfe\xff":
            try:
                return data[2:].decode("utf-16-be")
            except UnicodeDecodeError:
                self.refuse("a text string only pypdf reads")
        if not data.isascii():
            self.refuse("a text string only pypdf reads")
        return data.decode("ascii")

    def get(self, num: int, gen: int):
        obj = self.objects.get((num, gen))
        if obj is None:
            obj = self.objects[(num, gen)] = self._read(num, gen)
        return obj

    def _read(self, num: int, gen: int):
        where = self.entries.get(num)
        if where is None or where[1] != gen:
            self.refuse(f"object {num} {gen} is not in the xref table")
        data = self.data
        obj, pos = self.parse(_HEAD.match(data, where[0]).end())     # open_plain saw the head
        stream = _STREAM.match(data, pos) if obj.__class__ is Dict else None
        if stream is not None:
            length = dict.get(obj, "/Length")
            if length.__class__ is not int or length < 0 or length > _MAX_OUTPUT:
                self.refuse("a stream without a direct /Length")
            start = stream.end()
            end = _ENDSTREAM.match(data, start + length)
            if end is None or start + length > len(data):
                self.refuse("a stream whose /Length is not where it ends")
            obj = Stream(obj)
            obj.doc, obj._data, obj._decoded = self, data[start:start + length], None
            pos = end.end()
        if _ENDOBJ.match(data, pos) is None:
            self.refuse(f"object {num} {gen} does not end where it should")
        return obj

    def parse(self, pos: int):
        """(object, position after it) of the object at pos."""
        data = self.data
        token = _TRAILER_TOKEN if self._hex else _TOKEN
        stack: list = []              # open containers: Array, or [Dict, pending key]
        while True:
            m = token.match(data, pos)
            if m is None:
                self.refuse(f"syntax not read here at byte {pos}")
            pos = m.end()
            kind = m.lastgroup
            if kind == "num":
                text = m["num"]
                value = float(text) if b"." in text else int(text)
            elif kind == "name":
                text = m["name"]
                if b"#" in text:              # #xx escapes, as pypdf decodes them: ASCII only here
                    text = _ESCAPE.sub(lambda e: bytes((int(e[1], 16),)), text)
                    if not text.isascii():
                        self.refuse(f"a name only pypdf reads at byte {pos}")
                value = Name(text.decode("ascii"))
            elif kind == "ref":
                if m.end() - m.start("ref") > 19:     # pypdf looks 20 bytes ahead for "n g R"
                    self.refuse(f"a reference only pypdf reads at byte {pos}")
                value = Ref(self, int(m["num_"]), int(m["gen"]))
            elif kind == "open":
                stack.append([Dict(), None])
                continue
            elif kind == "arr":
                numbers = _NUMBERS.match(data, m.start("arr"))
                if numbers is not None:       # a run of plain numbers (font widths) at once
                    pos = numbers.end()
                    run = numbers[1].replace(b"\x00", b" ")     # NUL is white space in PDF
                    value = Array(map(int, run.split()) if b"." not in run else
                                  (float(t) if b"." in t else int(t) for t in run.split()))
                else:
                    stack.append(Array())
                    continue
            elif kind == "close":
                if not stack or stack[-1].__class__ is Array or stack[-1][1] is not None:
                    self.refuse(f"a dictionary not read at byte {pos}")
                value = stack.pop()[0]
            elif kind == "arrend":
                if not stack or stack[-1].__class__ is not Array:
                    self.refuse(f"an array not read at byte {pos}")
                value = stack.pop()
            elif kind == "str":
                value = String(m["str"][1:-1].decode("ascii"))
            elif kind == "hex":
                if not self._hex:
                    self.refuse(f"a hex string at byte {pos}")
                value = None
            else:
                value = _TRUE if kind == "true" else _FALSE
            if not stack:
                return value, pos
            top = stack[-1]
            if top.__class__ is Array:
                top.append(value)
            elif top[1] is None:
                if value.__class__ is not Name or value in top[0]:
                    self.refuse(f"a dictionary key not read at byte {pos}")
                top[1] = value
            else:
                dict.__setitem__(top[0], top[1], value)
                top[1] = None

    def decode(self, stream: Stream) -> bytes:
        """A stream's data as pypdf decodes it: Flate without parameters; DCT as it is."""
        filters = dict.get(stream, "/Filter")
        if filters.__class__ is Array and len(filters) == 1:
            filters = filters[0]
        if filters is None or filters == "/DCTDecode":
            return stream._data
        if filters != "/FlateDecode" or any(k in stream for k in ("/DecodeParms", "/DP", "/F")):
            self.refuse("a stream filter only pypdf reads")
        inflate = zlib.decompressobj()
        try:
            out = inflate.decompress(stream._data, _MAX_OUTPUT)
        except zlib.error:
            self.refuse("Flate data only pypdf reads")
        if not inflate.eof or inflate.unused_data or inflate.unconsumed_tail:
            self.refuse("Flate data only pypdf reads")
        return out

    @property
    def pages(self) -> list:
        """The page dictionaries in order (a page tree that inherits nothing)."""
        if self._pages is None:
            root = self.trailer["/Root"]
            tree = root.get("/Pages") if root.__class__ is Dict else None
            if tree.__class__ is Ref:
                tree = tree.get_object()
            pages: list = []
            self._collect(tree, pages, 0)
            self._pages = pages
        return self._pages

    def _collect(self, node, pages: list, depth: int) -> None:
        if (node.__class__ is not Dict or depth > 32 or dict.get(node, "/Type") != "/Pages"
                or any(k in node for k in _INHERITED)):
            self.refuse("a page tree only pypdf reads")
        kids = node.get("/Kids")
        if kids.__class__ is not Array:
            self.refuse("a page tree only pypdf reads")
        for kid in kids:
            page = kid.get_object() if kid.__class__ is Ref else None
            if page.__class__ is Dict and dict.get(page, "/Type") == "/Pages":
                self._collect(page, pages, depth + 1)
            elif (page.__class__ is Dict and dict.get(page, "/Type") == "/Page"
                  and not any(p is page for p in pages)):
                pages.append(page)
            else:
                self.refuse("a page tree only pypdf reads")


def contents(doc: Document, page):
    """A page's /Contents as a stream (pypdf's get_contents: an array's streams joined,
    each ending in a newline), None without it."""
    if "/Contents" not in page:
        return None
    obj = page["/Contents"]
    if obj.__class__ is Stream:
        return obj
    if obj.__class__ is not Array or not obj:
        doc.refuse("page contents only pypdf reads")
    data = bytearray()
    for part in obj:
        part = part.get_object() if part.__class__ is Ref else part
        if part.__class__ is not Stream:
            doc.refuse("page contents only pypdf reads")
        data += part.get_data()
        if data[-1:] != b"\n":
            data += b"\n"
    joined = Stream()
    joined.doc, joined._data, joined._decoded = doc, bytes(data), bytes(data)
    return joined


def open_plain(path) -> Document | None:
    """The file as a Document if it is plain (see above), else None."""
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError:
        return None
    if not data.startswith(b"%PDF-"):
        return None
    table = xref_table(data)
    if table is None:
        return None
    entries, start, _ = table
    for num, (offset, gen) in entries.items():       # every object where the table says
        head = _HEAD.match(data, offset)
        if head is None or int(head[1]) != num or int(head[2]) != gen:
            return None
    doc = Document(data, entries)
    try:
        doc._hex = True
        trailer, end = doc.parse(start)
        doc._hex = False
        if (trailer.__class__ is not Dict or _STARTXREF.match(data, end) is None
                or dict.get(trailer, "/Root").__class__ is not Ref
                or any(k in trailer for k in ("/Encrypt", "/Prev", "/XRefStm"))):
            return None
        doc.trailer = Dict({k: dict.get(trailer, k) for k in ("/Root", "/Info", "/ID") if k in trailer})
        doc.pages
    except Exception:       # Unsupported, or anything odd in a broken file: pypdf's to read
        return None
    return doc
