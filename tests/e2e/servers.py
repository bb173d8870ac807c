"""Servers the browser tests and benchmarks run: app replicas (`streamlit run app.py`) and nginx in front of them.

nginx runs the deployment's own file, `deploy/nginx/incubator.conf`, with only the replicas' ports, the
listening ports and the certificate paths filled in.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NGINX_SITE = ROOT / "deploy" / "nginx" / "incubator.conf"
NGINX = os.environ.get("NGINX_PATH", "/usr/sbin/nginx")


def free_port() -> int:
    """Return a TCP port on the loopback that nobody listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_app_server(
    database_url: str, port: int, *, behind_proxy: bool = False, options: Sequence[str] = (), log: Path | None = None,
    environment: Mapping[str, str] | None = None,
) -> subprocess.Popen[bytes]:  # fmt: skip
    """Start one app replica, `streamlit run app.py` on `port` against `database_url` (not waiting for it).

    `options` are more of Streamlit's own (`--browser.gatherUsageStats true` has it report each run's time);
    `log` is a file that keeps what the server prints (else it goes nowhere); `environment` adds settings.
    """
    environment = os.environ | dict(environment or {}) | {"DATABASE_URL": database_url}
    if behind_proxy:
        environment["INCUBATOR_BEHIND_PROXY"] = "1"
    command = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
               "--server.headless", "true", "--server.address", "127.0.0.1", *options]  # fmt: skip
    output = log.open("ab") if log else subprocess.DEVNULL
    try:
        return subprocess.Popen(command, cwd=ROOT, env=environment, stdout=output, stderr=output)
    finally:
        if log:
            output.close()  # type: ignore[union-attr]  # the server keeps its own copy of the file


def peak_memory_mib(process: subprocess.Popen[bytes]) -> float:
    """Return a running process's peak resident memory (VmHWM) in MiB, read from /proc."""
    for line in Path(f"/proc/{process.pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def cpu_seconds(process: subprocess.Popen[bytes]) -> float:
    """Return the CPU time (user and system) a running process has used so far, read from /proc."""
    fields = Path(f"/proc/{process.pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wait_until_healthy(url: str, server: subprocess.Popen[bytes], timeout: float = 60) -> None:
    """Wait until the app at `url` answers its health check; fail if its process ends first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"the app server exited with {server.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("the app server did not start in time")


def stop(server: subprocess.Popen[bytes]) -> None:
    """End a server started here, whether or not it is still running."""
    if server.poll() is None:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)


@contextmanager
def running_app(database_url: str, log: Path | None = None) -> Iterator[str]:
    """Start `streamlit run app.py` on a free port against `database_url`; yield its base URL."""
    port = free_port()
    server = start_app_server(database_url, port, log=log)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(url, server)
        yield url
    finally:
        stop(server)


def nginx_available() -> bool:
    """Tell whether nginx and openssl are installed (Debian's packages; .ci/run installs them)."""
    return Path(NGINX).exists() and shutil.which("openssl") is not None


def _self_signed_certificate(folder: Path) -> tuple[Path, Path]:
    certificate, key = folder / "proxy.pem", folder / "proxy.key"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
         "-keyout", str(key), "-out", str(certificate)],
        check=True, capture_output=True,
    )  # fmt: skip
    return certificate, key


def _fill_in(site: str, replacements: Sequence[tuple[str, str]]) -> str:
    for pattern, value in replacements:
        site, count = re.subn(pattern, value, site)
        if count == 0:
            raise AssertionError(f"deploy/nginx/incubator.conf no longer has {pattern!r}: update the test servers")
    return site


def nginx_site(replica_ports: Sequence[int], http_port: int, https_port: int, certificate: Path, key: Path) -> str:
    """Return the deployment's nginx site with this machine's ports and certificate filled in."""
    first, second = replica_ports if len(replica_ports) == 2 else (replica_ports[0], replica_ports[0])
    return _fill_in(
        NGINX_SITE.read_text(encoding="utf-8"),
        [
            (r"127\.0\.0\.1:8501", f"127.0.0.1:{first}"),
            (r"127\.0\.0\.1:8502", f"127.0.0.1:{second}"),
            (r"listen 80;", f"listen 127.0.0.1:{http_port};"),
            (r"listen 443 ssl;", f"listen 127.0.0.1:{https_port} ssl;"),
            (r"ssl_certificate +\S+;", f"ssl_certificate {certificate};"),
            (r"ssl_certificate_key +\S+;", f"ssl_certificate_key {key};"),
        ],
    )


@contextmanager
def running_nginx(replica_ports: Sequence[int], folder: Path) -> Iterator[str]:
    """Run nginx with the deployment's site in front of the replicas; yield its HTTPS base URL."""
    folder.mkdir(parents=True, exist_ok=True)
    certificate, key = _self_signed_certificate(folder)
    http_port, https_port = free_port(), free_port()
    (folder / "incubator.conf").write_text(nginx_site(replica_ports, http_port, https_port, certificate, key))
    temporary = {name: folder / name for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi")}
    for path in temporary.values():
        path.mkdir(exist_ok=True)
    user = "user root;\n" if os.geteuid() == 0 else ""  # workers must reach this private folder
    (folder / "nginx.conf").write_text(
        f"{user}worker_processes 1;\npid {folder / 'nginx.pid'};\nerror_log {folder / 'error.log'} warn;\n"
        "events { worker_connections 1024; }\n"
        "http {\n"
        f"  access_log off;\n  client_body_temp_path {temporary['body']};\n  proxy_temp_path {temporary['proxy']};\n"
        f"  fastcgi_temp_path {temporary['fastcgi']};\n  uwsgi_temp_path {temporary['uwsgi']};\n"
        f"  scgi_temp_path {temporary['scgi']};\n"
        f"  include {folder / 'incubator.conf'};\n"
        "}\n"
    )
    command = [NGINX, "-p", str(folder), "-e", str(folder / "error.log"), "-c", str(folder / "nginx.conf"),
               "-g", "daemon off;"]  # fmt: skip
    proxy = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        _wait_for_port(https_port, proxy)
        yield f"https://127.0.0.1:{https_port}"
    finally:
        stop(proxy)


def _wait_for_port(port: int, process: subprocess.Popen[bytes], timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            error = process.stderr.read().decode() if process.stderr else ""
            raise RuntimeError(f"nginx exited with {process.returncode}: {error.strip()}")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError("nginx did not start in time")


@contextmanager
def serving(
    database_url: str, replicas: int, folder: Path, options: Sequence[str] = ()
) -> Iterator[tuple[str, list[subprocess.Popen[bytes]]]]:
    """Start `replicas` app processes on `database_url` (behind nginx when two); yield the base URL and them.

    What each prints is kept in `folder` (replica-1.log, …).
    """
    with ExitStack() as running:
        ports = [free_port() for _ in range(replicas)]
        servers = [
            start_app_server(database_url, port, behind_proxy=replicas > 1, options=options,
                             log=folder / f"replica-{number}.log")
            for number, port in enumerate(ports, start=1)
        ]  # fmt: skip
        for server in servers:
            running.callback(stop, server)
        for port, server in zip(ports, servers, strict=True):
            wait_until_healthy(f"http://127.0.0.1:{port}", server)
        base = running.enter_context(running_nginx(ports, folder)) if replicas > 1 else f"http://127.0.0.1:{ports[0]}"
        yield base, servers
