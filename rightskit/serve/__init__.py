"""The live viewer: the overview diagram with zoom, pan and click-through, the report, and a reload
in the browser whenever an input file changes.

Standard library only (``http.server``) plus ``watchfiles`` for the file watcher. It binds to
127.0.0.1 unless told otherwise and serves only its fixed routes (see ``server``).
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..pipeline import Options
    from .server import ViewerServer
    from .state import Evaluator

__all__ = ["make_server", "serve"]


def make_server(path: Path, options: Options, host: str = "127.0.0.1", port: int = 8765,
                evaluator: Evaluator | None = None, watch: bool = True) -> ViewerServer:
    """A ready viewer server (not yet serving); ``port=0`` picks a free port.

    ``evaluator`` replaces ``pipeline.evaluate`` (tests); ``watch`` starts the file watcher.
    Call ``serve_forever()`` to serve, and ``shutdown()`` then ``close()`` to stop.
    """
    from ..errors import UsageError
    from .server import ViewerServer
    from .state import LiveState

    state = LiveState(Path(path), options, evaluator)
    try:
        server = ViewerServer(host, port, state)
    except OSError as exc:
        raise UsageError(f"cannot listen on {host}:{port}: {exc.strerror or exc}; "
                         "choose another port with --port") from None
    if watch:
        state.start_watching()
    return server


def close(server: ViewerServer) -> None:
    """Stop the watcher and release the socket."""
    server.state.stop()
    server.server_close()


def serve(path: Path, options: Options, host: str = "127.0.0.1", port: int = 8765,
          open_browser: bool = False) -> None:
    """Run the viewer until interrupted (Ctrl-C)."""
    server = make_server(path, options, host, port)
    url = server.url
    print(f"rightskit viewer: {url}  (Ctrl-C to stop)", file=sys.stderr)
    if host not in ("127.0.0.1", "localhost", "::1", "[::1]"):
        print(f"rightskit viewer: listening on {host}: anyone who can reach this address can read the "
              "assessment", file=sys.stderr)
    for message in server.state.current.errors:
        print(f"rightskit viewer: {message}", file=sys.stderr)
    if open_browser:
        import webbrowser

        threading.Timer(0.3, webbrowser.open, args=(url,)).start()
    try:
        server.serve_forever(poll_interval=0.25)
    except KeyboardInterrupt:
        print("rightskit viewer: stopped", file=sys.stderr)
    finally:
        close(server)
