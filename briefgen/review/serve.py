"""Start the review server: open (or extract) the model, bind 127.0.0.1, print the address.

The socket is bound here, before uvicorn starts, so the port is known (port 0 picks a free
one) and the address with its token can be printed and opened at once; connections made
before uvicorn accepts wait in the listen backlog.
"""

from __future__ import annotations

import datetime as dt
import socket
import sys
import threading
from pathlib import Path

from ..config import MemoSettings
from ..errors import BriefgenError
from .app import create_app
from .security import new_token
from .session import Review, open_review

HOST = "127.0.0.1"


def bind(port: int) -> socket.socket:
    """A listening socket on the loopback interface only."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((HOST, port))
        sock.listen(64)
    except OSError as err:
        sock.close()
        raise BriefgenError(f"{HOST}:{port}", f"cannot listen: {err.strerror or err}") from None
    return sock


def _open_browser(url: str) -> None:
    import webbrowser

    if not webbrowser.open(url):
        print("No browser could be opened; open the address above.", flush=True)


def run_review(
    input_path: Path | str,
    out_dir: Path,
    settings: MemoSettings,
    *,
    port: int = 0,
    open_browser: bool = True,
    published: dt.date | None = None,
) -> int:
    """Run until Ctrl-C; returns the exit status."""
    import uvicorn

    from ..render import check_settings

    check_settings(settings)
    source_path = Path(input_path)

    def tell_extract(model_path: Path) -> None:
        print(f"Extracting {source_path} into {model_path} …", flush=True)

    opened = open_review(source_path, Path(out_dir), published=published, on_extract=tell_extract)
    if not opened.extracted and opened.model_path != source_path:
        print(f"Reopening {opened.model_path} (your edits are kept; delete it to extract again)", flush=True)
    review = Review(
        model_path=opened.model_path,
        out_dir=Path(out_dir),
        settings=settings,
        source_path=None if opened.model_path == source_path else source_path,
    )
    sock = bind(port)
    port = sock.getsockname()[1]
    token = new_token()
    app = create_app(review, token=token, hosts=[f"{HOST}:{port}", f"localhost:{port}"])
    url = f"http://{HOST}:{port}/{token}/"
    server = uvicorn.Server(
        uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off", server_header=False)
    )
    print(f"Reviewing {review.model_path} at {url}", flush=True)
    print("Press Ctrl-C to stop.", flush=True)
    if open_browser:
        # In a thread: on a machine without a desktop, webbrowser may start a terminal browser
        # that holds its caller until it exits; the server must be up meanwhile.
        threading.Thread(target=_open_browser, args=(url,), daemon=True).start()
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:
        pass
    finally:
        sock.close()
    print("Stopped.", file=sys.stderr, flush=True)
    return 0
