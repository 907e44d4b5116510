"""Free ports on 127.0.0.1 for the servers tests start."""

from __future__ import annotations

import socket


def free_port_block(size: int) -> int:
    """The first of ``size`` consecutive free ports on 127.0.0.1 (workers' metrics endpoints, a console)."""
    for base in range(24000, 31000, size):
        sockets = []
        try:
            for port in range(base, base + size):
                sock = socket.socket()
                sock.bind(("127.0.0.1", port))
                sockets.append(sock)
            return base
        except OSError:
            continue
        finally:
            for sock in sockets:
                sock.close()
    raise RuntimeError("no free port block")
