"""Cross-language integration tests: a Python grpcio client against the TypeScript Voice Core server.

These exercise the server as a non-TypeScript caller sees it on the wire:
email capture (single shot and turn by turn), event streaming and resumption,
trace id propagation, time budgets and deadlines, error statuses, the standard
health service, server reflection (a client with no proto files), and graceful
shutdown. Fixtures are in conftest.py.

    /usr/bin/python3 -m pytest tests/integration/test_grpc_flow.py -v
"""

from __future__ import annotations

import json
import math
import queue
import re
import threading
import time
import uuid
from typing import Optional

import grpc
import pytest
from google.protobuf import descriptor_pb2, descriptor_pool, json_format, message_factory

SERVICE = "voice_core.VoiceCoreService"
HEALTH_SERVICE = "grpc.health.v1.Health"
EMAIL = "capture_email_au"

# Generous bounds for calls that should answer at once: a slow CI machine must not fail them.
CALL_TIMEOUT_S = 10.0
EVENT_WAIT_S = 10.0

SINGLE_SHOT_JSON = (
    '{"objective_type":"capture_email_au","conversation_id":"test-001","trace_id":"trace-001","purpose":"Test",'
    '"params":{"transcription":"jane@gmail.com","confidence":"0.85","confirmation":"yes"}}'
)

TRANSITIONS = [
    ("pending", "eliciting"),
    ("eliciting", "captured"),
    ("captured", "confirming"),
    ("confirming", "confirmed"),
    ("confirmed", "completed"),
]

# A JavaScript stack frame, e.g. "at Object.<anonymous> (/app/dist/src/x.js:12:5)".
STACK_FRAME = re.compile(r"\bat\s.*\.js:\d+")


def unique(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


# --------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------


def email_request(stubs, conversation_id: str, trace_id: str = "", **params: str):
    return stubs.pb.ExecutePrimitiveRequest(
        objective_type=EMAIL,
        conversation_id=conversation_id,
        trace_id=trace_id,
        purpose="integration test",
        params=params,
    )


def single_shot(stubs, stub, conversation_id: str, trace_id: str = "", value: str = "jane@gmail.com"):
    response = stub.ExecutePrimitive(
        email_request(stubs, conversation_id, trace_id, transcription=value, confidence="0.85", confirmation="yes"),
        timeout=CALL_TIMEOUT_S,
    )
    assert response.success, response
    return response


class EventStream:
    """Reads a StreamEvents call in a background thread so that the test can wait with a bound."""

    _END = object()

    def __init__(self, stub, request, timeout: float = 30.0, metadata=None) -> None:
        self.call = stub.StreamEvents(request, timeout=timeout, metadata=metadata)
        self._items: "queue.Queue[object]" = queue.Queue()
        self.error: Optional[grpc.RpcError] = None
        self._thread = threading.Thread(target=self._pump, name="StreamEvents reader", daemon=True)
        self._thread.start()

    def _pump(self) -> None:
        try:
            for item in self.call:
                self._items.put(item)
        except grpc.RpcError as error:
            self.error = error
        finally:
            self._items.put(self._END)

    def take(self, count: int, timeout: float = EVENT_WAIT_S) -> list:
        """The next ``count`` events; fails if the stream ends or they do not come in time."""
        events = []
        deadline = time.monotonic() + timeout
        while len(events) < count:
            remaining = deadline - time.monotonic()
            try:
                item = self._items.get(timeout=max(remaining, 0.0))
            except queue.Empty:
                raise AssertionError(f"got {len(events)} of {count} events within {timeout} s: {events}") from None
            if item is self._END:
                raise AssertionError(f"stream ended after {len(events)} of {count} events: {self._describe_error()}")
            events.append(item.event)
        return events

    def assert_quiet(self, seconds: float) -> None:
        """Nothing more arrives (and the stream stays open) for ``seconds``."""
        try:
            item = self._items.get(timeout=seconds)
        except queue.Empty:
            return
        if item is self._END:
            raise AssertionError(f"stream ended unexpectedly: {self._describe_error()}")
        raise AssertionError(f"unexpected extra event: {item}")

    def wait_end(self, timeout: float = EVENT_WAIT_S) -> grpc.RpcError:
        """Waits for the stream to end (skipping events) and returns its error status."""
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            try:
                item = self._items.get(timeout=max(remaining, 0.0))
            except queue.Empty:
                raise AssertionError(f"stream did not end within {timeout} s") from None
            if item is self._END:
                assert self.error is not None, "stream ended with status OK"
                return self.error

    def cancel(self) -> None:
        self.call.cancel()
        self._thread.join(timeout=EVENT_WAIT_S)

    def _describe_error(self) -> str:
        if self.error is None:
            return "status OK"
        return f"{self.error.code()} {self.error.details()!r}"


@pytest.fixture
def open_streams():
    """Streams opened by a test; cancelled when it ends, whatever its outcome."""
    streams: list[EventStream] = []
    yield streams
    for s in streams:
        s.cancel()


def stream_events(
    stubs, stub, open_streams, conversation_id: str, from_sequence: int = 0, epoch: str = "", last_event_id: str = ""
) -> EventStream:
    s = EventStream(
        stub,
        stubs.pb.StreamEventsRequest(
            conversation_id=conversation_id, from_sequence=from_sequence, epoch=epoch, last_event_id=last_event_id
        ),
    )
    open_streams.append(s)
    return s


def first_stream_error(
    stubs, stub, conversation_id: str, from_sequence: int = 0, epoch: str = "", last_event_id: str = ""
) -> grpc.RpcError:
    """The status a StreamEvents call fails with; fails the test if it yields an event instead."""
    call = stub.StreamEvents(
        stubs.pb.StreamEventsRequest(
            conversation_id=conversation_id, from_sequence=from_sequence, epoch=epoch, last_event_id=last_event_id
        ),
        timeout=CALL_TIMEOUT_S,
    )
    try:
        item = next(call)
    except grpc.RpcError as error:
        return error
    finally:
        call.cancel()
    raise AssertionError(f"expected an error status, got an event: {item}")


def assert_no_stack_trace(details: Optional[str]) -> None:
    assert details is not None
    assert not STACK_FRAME.search(details), f"details contain a stack trace: {details!r}"
    assert "\n    at " not in details, f"details contain a stack trace: {details!r}"


def header(call, name: str) -> list[str]:
    return [value for key, value in call.initial_metadata() if key == name]


# --------------------------------------------------------------------------------------
# 1. Email capture
# --------------------------------------------------------------------------------------


class TestEmailCapture:
    def test_single_shot_request_from_verbatim_json(self, stubs, stub):
        request = json_format.ParseDict(json.loads(SINGLE_SHOT_JSON), stubs.pb.ExecutePrimitiveRequest())

        response = stub.ExecutePrimitive(request, timeout=CALL_TIMEOUT_S)

        assert response.success is True
        assert response.value == "jane@gmail.com"
        assert response.state == "completed"
        assert response.trace_id == "trace-001"
        assert response.conversation_id == "test-001"
        assert response.objective_type == "capture_email_au"
        assert response.metadata.state == "completed"
        assert response.metadata.confidence == pytest.approx(0.85)
        assert not response.HasField("error") or response.error.code == stubs.pb.ERROR_CODE_UNSPECIFIED

    def test_turn_by_turn_capture_then_confirmation(self, stubs, stub):
        conversation = unique("turns")

        first = stub.ExecutePrimitive(
            email_request(stubs, conversation, transcription="my email is j a n e dot doe at gmail dot com", confidence="0.9"),
            timeout=CALL_TIMEOUT_S,
        )
        assert first.state == "confirming", first
        assert first.value == "jane.doe@gmail.com"
        assert first.success is False
        assert first.prompt != ""

        second = stub.ExecutePrimitive(
            email_request(stubs, conversation, confirmation="yeah", confidence="0.9"), timeout=CALL_TIMEOUT_S
        )
        assert second.state == "completed", second
        assert second.success is True
        assert second.value == "jane.doe@gmail.com"
        assert second.metadata.state == "completed"
        assert second.conversation_id == conversation

    def test_turn_by_turn_correction_during_confirmation(self, stubs, stub):
        conversation = unique("correction")
        first = stub.ExecutePrimitive(
            email_request(stubs, conversation, transcription="my email is j a n e dot doe at gmail dot com", confidence="0.9"),
            timeout=CALL_TIMEOUT_S,
        )
        assert (first.state, first.value) == ("confirming", "jane.doe@gmail.com"), first

        corrected = stub.ExecutePrimitive(
            email_request(stubs, conversation, confirmation="no it's jane at outlook dot com", confidence="0.9"),
            timeout=CALL_TIMEOUT_S,
        )
        assert corrected.state == "confirming", corrected
        assert corrected.value == "jane@outlook.com"
        assert corrected.success is False
        assert corrected.prompt != ""


# --------------------------------------------------------------------------------------
# 2. Event streaming
# --------------------------------------------------------------------------------------


class TestEventStreaming:
    def test_replays_state_transitions_then_follows_live_events(self, stubs, stub, open_streams):
        conversation = unique("events")
        trace = unique("trace")
        single_shot(stubs, stub, conversation, trace)

        stream = stream_events(stubs, stub, open_streams, conversation, from_sequence=0)
        replayed = stream.take(5)

        assert [e.sequence for e in replayed] == [1, 2, 3, 4, 5]
        assert [(e.from_state, e.to_state) for e in replayed] == TRANSITIONS
        epoch = replayed[0].epoch
        assert epoch != ""
        for e in replayed:
            assert e.event_type == "state_transition"
            assert e.trace_id == trace
            assert e.objective_type == EMAIL
            assert e.conversation_id == conversation
            assert e.epoch == epoch
            assert e.HasField("timestamp") and e.timestamp.seconds > 0
        stream.assert_quiet(0.3)  # the replay is complete and the stream stays open

        live_trace = unique("trace-live")
        single_shot(stubs, stub, conversation, live_trace, value="bob@example.com")
        live = stream.take(5)

        assert [e.sequence for e in live] == [6, 7, 8, 9, 10]
        assert [(e.from_state, e.to_state) for e in live] == TRANSITIONS
        assert all(e.trace_id == live_trace and e.epoch == epoch for e in live)

    def test_captured_values_are_masked_in_events(self, stubs, stub, open_streams):
        conversation = unique("masked")
        single_shot(stubs, stub, conversation)
        stub.ExecutePrimitive(
            email_request(stubs, conversation, transcription="my email is j a n e dot doe at gmail dot com", confidence="0.9"),
            timeout=CALL_TIMEOUT_S,
        )

        events = stream_events(stubs, stub, open_streams, conversation).take(8)

        for e in events:
            wire = e.SerializeToString()
            assert b"jane@gmail.com" not in wire, e
            assert b"jane.doe@gmail.com" not in wire, e
            assert not any("jane@" in v or "jane.doe@" in v for v in e.data.values()), e
        masked = {e.data["value_masked"] for e in events if "value_masked" in e.data}
        assert "j***@gmail.com" in masked, [dict(e.data) for e in events]

    def test_resume_from_sequence_delivers_only_later_events(self, stubs, stub, open_streams):
        conversation = unique("resume")
        single_shot(stubs, stub, conversation)
        epoch = stream_events(stubs, stub, open_streams, conversation).take(5)[0].epoch

        resumed = stream_events(stubs, stub, open_streams, conversation, from_sequence=3, epoch=epoch)
        events = resumed.take(2)

        assert [e.sequence for e in events] == [4, 5]
        assert [(e.from_state, e.to_state) for e in events] == TRANSITIONS[3:]
        resumed.assert_quiet(0.3)

    def test_resume_naming_the_last_event_received(self, stubs, stub, open_streams):
        conversation = unique("resume-id")
        single_shot(stubs, stub, conversation)
        first = stream_events(stubs, stub, open_streams, conversation).take(5)
        assert len({e.event_id for e in first}) == 5 and all(e.event_id for e in first)

        # The event the caller last received is still the log's at that sequence: the rest follows.
        resumed = stream_events(
            stubs, stub, open_streams, conversation, from_sequence=3, epoch=first[0].epoch, last_event_id=first[2].event_id
        )
        assert [e.event_id for e in resumed.take(2)] == [e.event_id for e in first[3:]]

        # Another event at that sequence: the log lost the caller's events, and says so.
        error = first_stream_error(
            stubs, stub, conversation, from_sequence=3, epoch=first[0].epoch, last_event_id=first[1].event_id
        )
        assert error.code() == grpc.StatusCode.FAILED_PRECONDITION, error.details()
        assert "last_event_id" in error.details()

    def test_from_sequence_past_the_last_event_is_out_of_range(self, stubs, stub):
        conversation = unique("out-of-range")
        single_shot(stubs, stub, conversation)

        error = first_stream_error(stubs, stub, conversation, from_sequence=6)

        assert error.code() == grpc.StatusCode.OUT_OF_RANGE, error.details()
        assert "from_sequence" in error.details()

    def test_unknown_epoch_is_failed_precondition(self, stubs, stub):
        conversation = unique("epoch")
        single_shot(stubs, stub, conversation)

        error = first_stream_error(stubs, stub, conversation, from_sequence=2, epoch="not-this-log-epoch")

        assert error.code() == grpc.StatusCode.FAILED_PRECONDITION, error.details()
        assert "epoch" in error.details()

    def test_empty_conversation_id_is_invalid_argument(self, stubs, stub):
        error = first_stream_error(stubs, stub, "")

        assert error.code() == grpc.StatusCode.INVALID_ARGUMENT, error.details()
        assert "conversation_id" in error.details()


# --------------------------------------------------------------------------------------
# 3. Trace id propagation
# --------------------------------------------------------------------------------------


class TestTraceIdPropagation:
    def _execute(self, stubs, stub, conversation: str, trace_field: str, trace_header: Optional[str]):
        metadata = None if trace_header is None else [("trace-id", trace_header)]
        return stub.ExecutePrimitive.with_call(
            email_request(stubs, conversation, trace_field, transcription="jane@gmail.com", confidence="0.85", confirmation="yes"),
            metadata=metadata,
            timeout=CALL_TIMEOUT_S,
        )

    def _event_trace_ids(self, stubs, stub, open_streams, conversation: str) -> set[str]:
        return {e.trace_id for e in stream_events(stubs, stub, open_streams, conversation).take(5)}

    def test_request_field_is_echoed_in_response_header_and_events(self, stubs, stub, open_streams):
        conversation, trace = unique("trace-field"), unique("trace")

        response, call = self._execute(stubs, stub, conversation, trace, None)

        assert response.trace_id == trace
        assert header(call, "trace-id") == [trace]
        assert self._event_trace_ids(stubs, stub, open_streams, conversation) == {trace}

    def test_header_is_used_when_the_field_is_empty(self, stubs, stub, open_streams):
        conversation, trace = unique("trace-header"), unique("trace")

        response, call = self._execute(stubs, stub, conversation, "", trace)

        assert response.trace_id == trace
        assert header(call, "trace-id") == [trace]
        assert self._event_trace_ids(stubs, stub, open_streams, conversation) == {trace}

    def test_trace_id_is_generated_when_absent(self, stubs, stub, open_streams):
        conversation = unique("trace-generated")

        response, call = self._execute(stubs, stub, conversation, "", None)

        assert response.trace_id != ""
        assert header(call, "trace-id") == [response.trace_id]
        assert self._event_trace_ids(stubs, stub, open_streams, conversation) == {response.trace_id}
        other, _ = self._execute(stubs, stub, unique("trace-generated"), "", None)
        assert other.trace_id not in ("", response.trace_id)

    def test_request_field_wins_over_a_different_header(self, stubs, stub, open_streams):
        conversation = unique("trace-both")
        field, from_header = unique("trace-field"), unique("trace-header")

        response, call = self._execute(stubs, stub, conversation, field, from_header)

        assert response.trace_id == field
        assert header(call, "trace-id") == [field]
        assert self._event_trace_ids(stubs, stub, open_streams, conversation) == {field}


# --------------------------------------------------------------------------------------
# 4. Time budgets and deadlines (server with the `test_slow` primitive)
# --------------------------------------------------------------------------------------


def slow_request(stubs, conversation: str, delay_ms: int, timeout_seconds: float):
    return stubs.pb.ExecutePrimitiveRequest(
        objective_type="test_slow",
        conversation_id=conversation,
        params={"delay_ms": str(delay_ms)},
        timeout_seconds=timeout_seconds,
    )


class TestTimeouts:
    def test_time_budget_exceeded_is_an_ok_response_with_timeout_error(self, stubs, slow_stub, open_streams):
        conversation = unique("budget")
        started = time.monotonic()

        response = slow_stub.ExecutePrimitive(slow_request(stubs, conversation, 3000, 0.3), timeout=CALL_TIMEOUT_S)
        elapsed = time.monotonic() - started

        assert response.success is False
        assert response.error.code == stubs.pb.ERROR_CODE_TIMEOUT, response
        assert response.error.message != ""
        assert 0.25 <= elapsed < 2.0, f"answered after {elapsed:.2f} s, expected about 0.3 s"
        (event,) = stream_events(stubs, slow_stub, open_streams, conversation).take(1)
        assert event.event_type == "primitive_timeout"
        assert event.sequence == 1

    def test_caller_deadline_gives_deadline_exceeded(self, stubs, slow_stub):
        started = time.monotonic()
        with pytest.raises(grpc.RpcError) as raised:
            slow_stub.ExecutePrimitive(slow_request(stubs, unique("deadline"), 3000, 0), timeout=0.3)
        elapsed = time.monotonic() - started

        assert raised.value.code() == grpc.StatusCode.DEADLINE_EXCEEDED, raised.value.details()
        assert elapsed < 2.0, f"failed after {elapsed:.2f} s"

    def test_primitive_within_its_budget_succeeds(self, stubs, slow_stub):
        response = slow_stub.ExecutePrimitive(slow_request(stubs, unique("in-budget"), 50, 2), timeout=CALL_TIMEOUT_S)

        assert response.success is True, response
        assert response.value == "slept 50 ms"
        assert response.state == "completed"


# --------------------------------------------------------------------------------------
# 5. Error handling
# --------------------------------------------------------------------------------------

GOOD_PARAMS = {"transcription": "jane@gmail.com", "confidence": "0.85", "confirmation": "yes"}

# id -> (request fields, expected status, text the details must contain)
ERROR_CASES = {
    "unknown_objective_type": (
        dict(objective_type="capture_unicorn_au", params=GOOD_PARAMS),
        grpc.StatusCode.NOT_FOUND,
        "objective_type",
    ),
    "empty_objective_type": (dict(objective_type="", params=GOOD_PARAMS), grpc.StatusCode.INVALID_ARGUMENT, "objective_type"),
    "missing_conversation_id": (dict(conversation_id="", params=GOOD_PARAMS), grpc.StatusCode.INVALID_ARGUMENT, "conversation_id"),
    "confidence_not_a_number": (
        dict(params={**GOOD_PARAMS, "confidence": "abc"}),
        grpc.StatusCode.INVALID_ARGUMENT,
        "params.confidence",
    ),
    "confidence_above_one": (
        dict(params={**GOOD_PARAMS, "confidence": "1.5"}),
        grpc.StatusCode.INVALID_ARGUMENT,
        "params.confidence",
    ),
    "unknown_param_key": (
        dict(params={"transcript": "jane@gmail.com", "confidence": "0.85"}),
        grpc.StatusCode.INVALID_ARGUMENT,
        "params.transcript",
    ),
    "negative_timeout": (dict(params=GOOD_PARAMS, timeout_seconds=-1), grpc.StatusCode.INVALID_ARGUMENT, "timeout_seconds"),
    "huge_timeout": (dict(params=GOOD_PARAMS, timeout_seconds=100000), grpc.StatusCode.INVALID_ARGUMENT, "timeout_seconds"),
    "nan_timeout": (dict(params=GOOD_PARAMS, timeout_seconds=math.nan), grpc.StatusCode.INVALID_ARGUMENT, "timeout_seconds"),
    "confirmation_with_nothing_to_confirm": (
        dict(params={"confirmation": "yes"}),
        grpc.StatusCode.FAILED_PRECONDITION,
        "",
    ),
}


class TestErrorHandling:
    @pytest.mark.parametrize("case", list(ERROR_CASES), ids=list(ERROR_CASES))
    def test_bad_request_gets_a_precise_status_and_the_server_keeps_serving(self, stubs, stub, case):
        fields, expected_status, named = ERROR_CASES[case]
        request = stubs.pb.ExecutePrimitiveRequest(
            **{"objective_type": EMAIL, "conversation_id": unique("errors"), "trace_id": unique("trace"), **fields}
        )

        with pytest.raises(grpc.RpcError) as raised:
            stub.ExecutePrimitive(request, timeout=CALL_TIMEOUT_S)

        error = raised.value
        assert error.code() == expected_status, f"{error.code()} {error.details()!r}"
        assert named in error.details(), error.details()
        assert_no_stack_trace(error.details())
        # The server is still serving after the refused call.
        assert single_shot(stubs, stub, unique("after-error")).value == "jane@gmail.com"


# --------------------------------------------------------------------------------------
# 6. Health
# --------------------------------------------------------------------------------------


class TestHealth:
    @pytest.mark.parametrize("service", ["", SERVICE], ids=["server", "voice_core_service"])
    def test_standard_health_check_reports_serving(self, stubs, channel, service):
        health = stubs.health_rpc.HealthStub(channel)

        response = health.Check(stubs.health_pb.HealthCheckRequest(service=service), timeout=CALL_TIMEOUT_S)

        assert response.status == stubs.health_pb.HealthCheckResponse.SERVING

    def test_voice_core_health_check_reports_serving_version_and_uptime(self, stubs, stub):
        response = stub.HealthCheck(stubs.pb.HealthCheckRequest(), timeout=CALL_TIMEOUT_S)

        assert response.status == stubs.pb.HealthCheckResponse.SERVING_STATUS_SERVING
        assert response.version != ""
        assert response.uptime_seconds >= 0


# --------------------------------------------------------------------------------------
# 7. Reflection: a client with no proto files of Voice Core
# --------------------------------------------------------------------------------------


class ReflectionClient:
    def __init__(self, stubs, channel) -> None:
        self.pb = stubs.reflection_pb
        self.stub = stubs.reflection_rpc.ServerReflectionStub(channel)

    def ask(self, **request_fields):
        responses = list(
            self.stub.ServerReflectionInfo(iter([self.pb.ServerReflectionRequest(**request_fields)]), timeout=CALL_TIMEOUT_S)
        )
        assert len(responses) == 1, responses
        response = responses[0]
        assert response.WhichOneof("message_response") != "error_response", response.error_response
        return response

    def files(self, **request_fields) -> list[descriptor_pb2.FileDescriptorProto]:
        response = self.ask(**request_fields)
        assert response.WhichOneof("message_response") == "file_descriptor_response", response
        files = []
        for raw in response.file_descriptor_response.file_descriptor_proto:
            file = descriptor_pb2.FileDescriptorProto()
            file.ParseFromString(raw)
            files.append(file)
        return files

    def pool_for_symbol(self, symbol: str) -> descriptor_pool.DescriptorPool:
        """A fresh pool (not the default one, which holds the generated stubs) built only from reflection."""
        known = {f.name: f for f in self.files(file_containing_symbol=symbol)}
        assert known, f"no file for {symbol}"
        missing = {d for f in known.values() for d in f.dependency} - known.keys()
        while missing:
            name = missing.pop()
            for f in self.files(file_by_filename=name):
                known.setdefault(f.name, f)
            assert name in known, f"the server did not return {name}"
            missing = {d for f in known.values() for d in f.dependency} - known.keys()

        pool = descriptor_pool.DescriptorPool()
        added: set[str] = set()

        def add(name: str) -> None:
            if name in added:
                return
            for dependency in known[name].dependency:
                add(dependency)
            pool.Add(known[name])
            added.add(name)

        for name in known:
            add(name)
        return pool


class TestReflection:
    def test_list_services(self, stubs, channel):
        response = ReflectionClient(stubs, channel).ask(list_services="")

        names = {s.name for s in response.list_services_response.service}
        assert SERVICE in names, names
        assert HEALTH_SERVICE in names, names

    def test_file_containing_symbol_returns_the_service_file(self, stubs, channel):
        files = ReflectionClient(stubs, channel).files(file_containing_symbol=SERVICE)

        services = {f"{f.package}.{s.name}" for f in files for s in f.service}
        assert SERVICE in services, [f.name for f in files]

    def test_dynamic_client_calls_execute_primitive_without_proto_files(self, stubs, channel):
        pool = ReflectionClient(stubs, channel).pool_for_symbol(SERVICE)
        method = pool.FindServiceByName(SERVICE).methods_by_name["ExecutePrimitive"]
        factory = message_factory.MessageFactory(pool)
        request_class = factory.GetPrototype(method.input_type)
        response_class = factory.GetPrototype(method.output_type)
        assert method.input_type.full_name == "voice_core.ExecutePrimitiveRequest"

        request = request_class()
        json_format.ParseDict(
            {
                "objective_type": EMAIL,
                "conversation_id": unique("reflection"),
                "trace_id": "trace-reflection",
                "params": {"transcription": "jane@gmail.com", "confidence": "0.85", "confirmation": "yes"},
            },
            request,
        )
        execute = channel.unary_unary(
            f"/{SERVICE}/ExecutePrimitive",
            request_serializer=lambda message: message.SerializeToString(),
            response_deserializer=response_class.FromString,
        )

        response = execute(request, timeout=CALL_TIMEOUT_S)

        assert response.DESCRIPTOR.full_name == "voice_core.ExecutePrimitiveResponse"
        assert response.DESCRIPTOR.file.pool is pool
        assert response.success is True
        assert response.value == "jane@gmail.com"
        assert response.state == "completed"
        assert response.trace_id == "trace-reflection"


# --------------------------------------------------------------------------------------
# 8. Graceful shutdown (a server of its own)
# --------------------------------------------------------------------------------------


class TestGracefulShutdown:
    def test_sigterm_ends_streams_with_unavailable_and_exits_zero(self, stubs, dedicated_server):
        channel = grpc.insecure_channel(dedicated_server.address)
        try:
            stub = stubs.rpc.VoiceCoreServiceStub(channel)
            conversation = unique("shutdown")
            single_shot(stubs, stub, conversation)
            stream = EventStream(stub, stubs.pb.StreamEventsRequest(conversation_id=conversation), timeout=60)
            try:
                stream.take(5)  # the stream is established and following live events
                started = time.monotonic()

                dedicated_server.sigterm()
                error = stream.wait_end(timeout=10)

                assert error.code() == grpc.StatusCode.UNAVAILABLE, f"{error.code()} {error.details()!r}"
                assert error.details() == "Server shutting down"
                # The client keeps its channel open, as a long-lived client would.
                exit_code = dedicated_server.proc.wait(timeout=10)
                exited_after = time.monotonic() - started
            finally:
                stream.cancel()
        finally:
            channel.close()

        assert exit_code == 0, dedicated_server.output()
        assert exited_after < 5.0, f"exited {exited_after:.1f} s after SIGTERM\n{dedicated_server.output()}"
        messages = [entry.get("msg") for entry in dedicated_server.logs]
        assert "shutting down" in messages and "stopped" in messages, messages
