"""`newsprint serve EDITION [--port N] [--host H]`: the editor's desk in the browser."""
from __future__ import annotations

import os
import socket
import sys
import threading

from layout.cli.arguments import about
from layout.cli.bounds import DPI, WHOLE
from layout.cli.messages import msg

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def add_parser(sub) -> None:
    s = sub.add_parser("serve", **about("serve"))
    s.add_argument("edition", metavar="EDITION", help=msg("help.edition"))
    s.add_argument("--port", type=WHOLE, default=8017, help=msg("help.serve.port"))
    s.add_argument("--host", default="127.0.0.1",
                   help=msg("help.serve.host"))
    s.add_argument("--dpi", type=DPI, default=100.0, help=msg("help.serve.dpi"))
    s.add_argument("--editor-url", default=os.environ.get("NEWSPRINT_EDITOR_URL", ""),
                   help=msg("help.serve.editor-url"))
    s.add_argument("--open", action="store_true", help=msg("help.serve.open"))
    s.set_defaults(func=run)


def run(args) -> int:
    import uvicorn

    from layout.cli.desk.server import Broadcast, make_app
    from layout.cli.desk.session import DEFAULT_EDITOR_URL, Desk
    from layout.cli.desk.watcher import watch_in_thread

    if args.host not in LOOPBACK:
        print(msg("desk.open-host", host=args.host), file=sys.stderr)
    try:
        sock = socket.socket(socket.AF_INET6 if ":" in args.host else socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((args.host, args.port))
        sock.listen(128)             # connections wait here while the server starts
    except OSError as exc:
        print(msg("desk.no-port", host=args.host, port=args.port, why=exc.strerror or exc), file=sys.stderr)
        return 1
    desk = Desk(args.edition, dpi=args.dpi, editor_url=args.editor_url or DEFAULT_EDITOR_URL)
    first = desk.rebuild()
    _say(first)
    broadcast = Broadcast()
    port = sock.getsockname()[1]
    shown = f"[{args.host}]" if ":" in args.host else args.host
    url = f"http://{'127.0.0.1' if args.host in ('0.0.0.0', '::') else shown}:{port}/"
    hosts = None if args.host not in LOOPBACK else ("127.0.0.1", "localhost", "[::1]", "::1")
    app = make_app(desk, broadcast, hosts=hosts)
    stop = threading.Event()
    watch_in_thread(desk, lambda snap: broadcast.publish(snap.version), stop, on_build=_say)
    print(msg("desk.serving", url=url), flush=True)
    if args.open:
        import webbrowser

        webbrowser.open(url)
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off",
                            timeout_graceful_shutdown=1)
    try:
        uvicorn.Server(config).run(sockets=[sock])
    finally:
        stop.set()
    print(msg("desk.stopped"), flush=True)
    return 0


def _say(snap) -> None:
    """One terminal line per build."""
    from layout.cli.messages import diag_line

    if snap.broken:
        print(msg("desk.broken", n=len(snap.broken)), flush=True)
        for d in snap.broken[:5]:
            print(f"  {diag_line(d)}", flush=True)
    else:
        pages = ", ".join(str(n) for n in snap.changed) or "-"
        print(msg("desk.built", version=snap.version, pages=pages, ms=snap.seconds * 1000), flush=True)
