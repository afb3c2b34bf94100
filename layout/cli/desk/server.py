"""The desk's HTTP side (Starlette): it serves only the desk's own files (a fixed list),
the edition's page images by number, the state as JSON and a stream of updates as
server-sent events.  No route takes a path from the request, so nothing outside those
files can be reached (tests/cli/test_desk.py tries)."""
from __future__ import annotations

import asyncio
import json
import threading
from importlib import resources
from pathlib import Path

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.responses import Response, StreamingResponse
from starlette.routing import Route

STATIC_TYPES = {".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8",
                ".js": "text/javascript; charset=utf-8", ".svg": "image/svg+xml"}
UI_FONTS = ("noto-sans-sc-regular.ttf", "noto-sans-sc-bold.ttf")   # the desk's own type
NO_CACHE = {"Cache-Control": "no-cache"}
KEEPALIVE_S = 15.0


def static_files() -> dict:
    """name -> (bytes, media type) of the files in static/, read once."""
    out = {}
    for item in resources.files("layout.cli.desk").joinpath("static").iterdir():
        suffix = Path(item.name).suffix
        if item.is_file() and suffix in STATIC_TYPES:
            out[item.name] = (item.read_bytes(), STATIC_TYPES[suffix])
    return out


class Broadcast:
    """Snapshots from the build thread to every open event stream (one queue each)."""

    def __init__(self):
        self._queues: set = set()
        self._loop = None
        self._lock = threading.Lock()

    def subscribe(self) -> asyncio.Queue:
        self._loop = asyncio.get_running_loop()
        q: asyncio.Queue = asyncio.Queue()
        with self._lock:
            self._queues.add(q)
        return q

    def unsubscribe(self, q) -> None:
        with self._lock:
            self._queues.discard(q)

    def publish(self, version: int) -> None:
        """Called from any thread."""
        loop = self._loop
        if loop is None:
            return
        with self._lock:
            queues = list(self._queues)
        for q in queues:
            try:
                loop.call_soon_threadsafe(q.put_nowait, version)
            except RuntimeError:          # the loop has closed (shutting down)
                pass


def make_app(desk, broadcast: Broadcast, hosts=("127.0.0.1", "localhost", "[::1]", "::1")) -> Starlette:
    files = static_files()
    fonts_dir = _fonts_dir()
    cache: dict = {}                       # (version, lang) -> state JSON bytes

    def state_bytes(lang) -> bytes:
        snap = desk.snapshot
        key = (snap.version, lang)
        data = cache.get(key)
        if data is None:
            from layout.cli.desk.session import state_of

            data = json.dumps(state_of(snap, desk.editor_url, lang), ensure_ascii=False).encode("utf-8")
            cache.clear()
            cache[key] = data
        return data

    async def index(request):
        body, media = files["index.html"]
        return Response(body, media_type=media, headers=NO_CACHE)

    async def static(request):
        found = files.get(request.path_params["name"])
        if found is None:
            return Response("not found", status_code=404)
        return Response(found[0], media_type=found[1], headers=NO_CACHE)

    async def font(request):
        name = request.path_params["name"]
        if name not in UI_FONTS or not (fonts_dir / name).is_file():
            return Response("not found", status_code=404)
        return Response((fonts_dir / name).read_bytes(), media_type="font/ttf",
                        headers={"Cache-Control": "max-age=86400"})

    async def state(request):
        return Response(state_bytes(_lang(request)), media_type="application/json")

    async def focus(request):
        """The browser says which page is in view: after a change of several pages it is
        made up and drawn first."""
        number = request.path_params["number"]
        if desk.snapshot.pages and number not in desk.snapshot.pages:
            return Response("no such page", status_code=404)
        desk.focus = number
        return Response(status_code=204)

    async def page(request):
        number = request.path_params["number"]
        proof = request.query_params.get("proof") == "1"
        if proof:
            png = await asyncio.get_running_loop().run_in_executor(None, desk.page_png, number, True)
        else:
            png = desk.page_png(number)
        if png is None:
            return Response("no such page", status_code=404)
        return Response(png, media_type="image/png", headers={"Cache-Control": "max-age=3600"})

    async def events(request):
        lang = _lang(request)
        q = broadcast.subscribe()

        async def stream():
            try:
                yield _event(state_bytes(lang))
                while True:
                    try:
                        await asyncio.wait_for(q.get(), KEEPALIVE_S)
                    except asyncio.TimeoutError:
                        yield b": keep-alive\n\n"
                        continue
                    while not q.empty():          # several versions queued: send the newest
                        q.get_nowait()
                    yield _event(state_bytes(lang))
            finally:
                broadcast.unsubscribe(q)

        return StreamingResponse(stream(), media_type="text/event-stream",
                                 headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})

    async def not_found(request, exc):
        return Response("not found", status_code=404)

    routes = [
        Route("/", index),
        Route("/static/{name}", static),
        Route("/fonts/{name}", font),
        Route("/api/state", state),
        Route("/api/focus/{number:int}", focus, methods=["POST"]),
        Route("/page/{number:int}.png", page),
        Route("/events", events),
    ]
    middleware = [Middleware(TrustedHostMiddleware, allowed_hosts=list(hosts))] if hosts else []
    return Starlette(routes=routes, middleware=middleware, exception_handlers={404: not_found})


def _event(data: bytes) -> bytes:
    return b"event: state\ndata: " + data + b"\n\n"


def _lang(request) -> str:
    lang = request.query_params.get("lang", "")
    return "en" if lang.startswith("en") else "zh"


def _fonts_dir() -> Path:
    from layout.fonts.fontset import default_fonts_dir

    return default_fonts_dir()
