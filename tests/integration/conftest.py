"""Fixtures for the cross-language (Python client -> TypeScript server) gRPC tests.

Run with Debian's interpreter, which has grpcio and protobuf:

    /usr/bin/python3 -m pytest tests/integration/test_grpc_flow.py -v

Python stubs are generated with protoc at test time into a temporary directory
(nothing generated is committed). Servers are started on port 0 and their
bound port is read from the "Voice Core serving" JSON log line; every server a
fixture starts is terminated when the fixture ends.
"""

from __future__ import annotations

import importlib
import json
import os
import signal
import subprocess
import sys
import threading
import time
import types
from pathlib import Path
from typing import Callable, Optional

import grpc
import pytest

REPO = Path(__file__).resolve().parents[2]
PROTO_DIR = REPO / "proto"
TEST_PROTO_DIR = Path(__file__).resolve().parent / "protos"
PROTOC = "/usr/bin/protoc"
GRPC_PYTHON_PLUGIN = "/usr/bin/grpc_python_plugin"
# protoc's bundled well-known types (google/protobuf/timestamp.proto).
PROTOC_INCLUDE = "/usr/include"

SERVER_START_TIMEOUT_S = 60.0
SERVER_STOP_TIMEOUT_S = 15.0


# --------------------------------------------------------------------------------------
# Generated stubs
# --------------------------------------------------------------------------------------


def _protoc(out_dir: Path, include_dirs: list[Path | str], proto_file: Path) -> None:
    command = [
        PROTOC,
        *[f"-I{d}" for d in include_dirs],
        f"--python_out={out_dir}",
        f"--grpc_out={out_dir}",
        f"--plugin=protoc-gen-grpc={GRPC_PYTHON_PLUGIN}",
        str(proto_file),
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=60)
    if result.returncode != 0:
        raise RuntimeError(f"protoc failed ({' '.join(command)}):\n{result.stderr}")


@pytest.fixture(scope="session")
def stubs(tmp_path_factory: pytest.TempPathFactory) -> types.SimpleNamespace:
    """voice_core, grpc.health.v1 and grpc.reflection.v1 Python stubs, generated now.

    The health and reflection protos are compiled from their own directories
    (as health.proto / reflection.proto) so that their Python modules do not
    live under a top-level ``grpc`` package, which would clash with grpcio.
    Their protobuf package names, hence the method paths on the wire
    (/grpc.health.v1.Health/Check, ...), are unchanged.
    """
    assert Path(PROTOC_INCLUDE, "google/protobuf/timestamp.proto").is_file(), "protoc's bundled includes are missing"
    out = tmp_path_factory.mktemp("python_stubs")
    _protoc(out, [PROTO_DIR, PROTOC_INCLUDE], PROTO_DIR / "voice_core" / "voice_core.proto")
    _protoc(out, [PROTO_DIR / "grpc" / "health" / "v1"], PROTO_DIR / "grpc" / "health" / "v1" / "health.proto")
    reflection_dir = TEST_PROTO_DIR / "grpc" / "reflection" / "v1"
    _protoc(out, [reflection_dir], reflection_dir / "reflection.proto")
    sys.path.insert(0, str(out))
    importlib.invalidate_caches()
    try:
        return types.SimpleNamespace(
            pb=importlib.import_module("voice_core.voice_core_pb2"),
            rpc=importlib.import_module("voice_core.voice_core_pb2_grpc"),
            health_pb=importlib.import_module("health_pb2"),
            health_rpc=importlib.import_module("health_pb2_grpc"),
            reflection_pb=importlib.import_module("reflection_pb2"),
            reflection_rpc=importlib.import_module("reflection_pb2_grpc"),
        )
    finally:
        # The modules are imported; later imports do not need the directory.
        sys.path.remove(str(out))


# --------------------------------------------------------------------------------------
# Server processes
# --------------------------------------------------------------------------------------


class ServerProcess:
    """A Voice Core server child process whose JSON stdout log is collected as it is written."""

    def __init__(self, name: str, command: list[str], env: Optional[dict[str, str]] = None) -> None:
        self.name = name
        self.command = command
        self.logs: list[dict] = []
        self.raw_stdout: list[str] = []
        self.raw_stderr: list[str] = []
        self._cond = threading.Condition()
        self.port: Optional[int] = None
        # The pid of the node process that serves (from its log): behind npx it is not self.proc.
        self.server_pid: Optional[int] = None
        self.proc = subprocess.Popen(
            command,
            cwd=REPO,
            env={**os.environ, **(env or {})},
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            # Own process group, so that a wrapper (npx) and the node process it
            # runs can be signalled together, and a Ctrl-C of pytest is not sent twice.
            start_new_session=True,
        )
        self._stdout_reader = threading.Thread(target=self._read_stdout, name=f"{name} stdout", daemon=True)
        self._stdout_reader.start()
        threading.Thread(target=self._read_stderr, name=f"{name} stderr", daemon=True).start()

    def _read_stdout(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            with self._cond:
                self.raw_stdout.append(line)
                try:
                    entry = json.loads(line)
                except ValueError:
                    entry = None
                if isinstance(entry, dict):
                    self.logs.append(entry)
                self._cond.notify_all()
        with self._cond:
            self._cond.notify_all()

    def _read_stderr(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            with self._cond:
                self.raw_stderr.append(line)

    def output(self) -> str:
        with self._cond:
            return f"--- stdout ---\n{''.join(self.raw_stdout)}--- stderr ---\n{''.join(self.raw_stderr)}"

    def wait_for_log(self, predicate: Callable[[dict], bool], timeout: float) -> dict:
        """Waits until a log entry matching ``predicate`` has been written, and returns it."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                for entry in self.logs:
                    if predicate(entry):
                        return entry
                remaining = deadline - time.monotonic()
                if remaining <= 0 or not self._stdout_reader.is_alive():
                    break  # out of time, or stdout is closed: no further line will come
                self._cond.wait(min(remaining, 0.2))
        raise AssertionError(
            f"{self.name}: no matching log line within {timeout} s (exit code {self.proc.poll()})\n{self.output()}"
        )

    def wait_until_serving(self, timeout: float = SERVER_START_TIMEOUT_S) -> int:
        entry = self.wait_for_log(lambda e: e.get("msg") == "Voice Core serving", timeout)
        self.port = int(entry["port"])
        assert self.port > 0, entry
        self.server_pid = int(entry["pid"])
        return self.port

    @property
    def address(self) -> str:
        assert self.port is not None, "server is not serving yet"
        return f"127.0.0.1:{self.port}"

    def sigterm(self, whole_group: bool = False) -> None:
        if self.proc.poll() is not None:
            return
        if whole_group:
            os.killpg(self.proc.pid, signal.SIGTERM)
        else:
            self.proc.send_signal(signal.SIGTERM)

    def stop(self, whole_group: bool = False) -> None:
        """SIGTERM, then SIGKILL if the server has not exited within SERVER_STOP_TIMEOUT_S."""
        self.sigterm(whole_group)
        try:
            self.proc.wait(timeout=SERVER_STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            # The group leader has not been reaped, so the group id is still ours.
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=SERVER_STOP_TIMEOUT_S)
        if self.server_pid is not None and self.server_pid != self.proc.pid:
            # npx may exit before the node server it started: wait for the server itself.
            self._wait_for_exit_of(self.server_pid)

    def _wait_for_exit_of(self, pid: int) -> None:
        """Waits (by polling: it is not our child) until the process ``pid`` of our group has exited."""
        deadline = time.monotonic() + SERVER_STOP_TIMEOUT_S
        while _is_running_in_group(pid, self.proc.pid):
            if time.monotonic() > deadline:
                os.kill(pid, signal.SIGKILL)
                return
            time.sleep(0.05)


def _is_running_in_group(pid: int, pgid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    # Fields after the parenthesised command: state ppid pgrp ...
    state, _ppid, pgrp = stat.rsplit(")", 1)[1].split()[:3]
    return state != "Z" and int(pgrp) == pgid


def _ensure_built() -> Path:
    main_js = REPO / "dist" / "src" / "cli" / "main.js"
    if not main_js.is_file():
        subprocess.run(["npm", "run", "build"], cwd=REPO, check=True, timeout=300)
    assert main_js.is_file(), f"{main_js} is missing after `npm run build`"
    return main_js


def start_voice_core_server(name: str = "voice-core serve") -> ServerProcess:
    """`voice-core serve` (the built CLI) on a random port of 127.0.0.1."""
    main_js = _ensure_built()
    server = ServerProcess(name, ["node", str(main_js), "serve", "--port", "0", "--host", "127.0.0.1"])
    try:
        server.wait_until_serving()
    except BaseException:
        server.stop()
        raise
    return server


@pytest.fixture(scope="session")
def server() -> ServerProcess:
    """The Voice Core server shared by most tests (each test uses its own conversation ids)."""
    process = start_voice_core_server()
    yield process
    process.stop()


@pytest.fixture(scope="session")
def channel(server: ServerProcess) -> grpc.Channel:
    ch = grpc.insecure_channel(server.address)
    grpc.channel_ready_future(ch).result(timeout=30)
    yield ch
    ch.close()


@pytest.fixture(scope="session")
def stub(stubs: types.SimpleNamespace, channel: grpc.Channel):
    return stubs.rpc.VoiceCoreServiceStub(channel)


@pytest.fixture(scope="session")
def slow_server() -> ServerProcess:
    """The server variant with the extra `test_slow` primitive (ts-node, takes a few seconds to start)."""
    process = ServerProcess(
        "server-with-slow-primitive",
        ["npx", "ts-node", "--transpile-only", "tests/integration/fixtures/server-with-slow-primitive.ts", "0"],
    )
    try:
        process.wait_until_serving()
    except BaseException:
        process.stop(whole_group=True)
        raise
    yield process
    process.stop(whole_group=True)


@pytest.fixture(scope="session")
def slow_stub(stubs: types.SimpleNamespace, slow_server: ServerProcess):
    ch = grpc.insecure_channel(slow_server.address)
    grpc.channel_ready_future(ch).result(timeout=30)
    yield stubs.rpc.VoiceCoreServiceStub(ch)
    ch.close()


@pytest.fixture
def dedicated_server() -> ServerProcess:
    """A server of its own, for tests that stop it."""
    process = start_voice_core_server("voice-core serve (dedicated)")
    yield process
    process.stop()
