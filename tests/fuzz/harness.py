"""Sends fuzzed requests to a live server and keeps what broke the contract.

The contract checked on every answer: no 5xx, no INTERNAL_SERVER_ERROR (a masked error is
a bug we have not classified), an answer within REQUEST_TIMEOUT_SECONDS (else the server
is taken as hung, killed and restarted), and from /graphql a JSON object whose errors carry
`extensions.code`. Findings are not raised one by one: the run goes on and the test ends
with every distinct failure, grouped by cause (the last line of the exception the server
logged for that request, else the error message)."""

from __future__ import annotations

import copy
import dataclasses
import json
import re
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import graphql
import httpx
import pytest

from tests.fuzz.hostile import Raw, encode_json
from tests.fuzz.live_server import LiveServer

REQUEST_TIMEOUT_SECONDS = 10.0
_EXCERPT = 600


@dataclass(frozen=True)
class Principal:
    name: str
    token: str | None

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"} if self.token else {}


@dataclass
class Finding:
    kind: str
    where: str
    principal: str
    status: int | None
    request: str
    response: str
    cause: str  # the exception's last line as the server logged it, else a message
    origin: str = ""  # where that exception was raised: file:function
    exception: str = ""  # its class

    @property
    def group(self) -> tuple[str, str, str]:
        return self.kind, self.exception, self.origin


@dataclass
class Group:
    kind: str
    exception: str
    origin: str
    findings: list[Finding] = field(default_factory=list)

    @property
    def example(self) -> Finding:
        return min(self.findings, key=lambda finding: len(finding.request))

    @property
    def where(self) -> list[str]:
        return sorted({finding.where for finding in self.findings})

    @property
    def causes(self) -> list[str]:
        return sorted({normalize(finding.cause) for finding in self.findings})


def normalize(text: str) -> str:
    """A message without the values in it, so one bug is one line."""
    text = re.sub(r"\b(found|value): .*$", r"\1: ...", text)
    text = re.sub(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"", "'...'", text)
    text = re.sub(r"\d+", "N", text)
    return text[:300]


def excerpt(text: str, size: int = _EXCERPT) -> str:
    return text if len(text) <= size else f"{text[:size]}... ({len(text)} characters)"


_FRAME = re.compile(r'File "(?P<file>[^"]+)", line \d+, in (?P<function>\S+)')
_EXCEPTION_LINE = re.compile(r"^[\w.]+(Error|Exception|Exit|Warning)\b:")
_REPOSITORY = str(Path(__file__).resolve().parents[2]) + "/"


def _short_path(path: str) -> str:
    """schema/scalars.py, graphql/type/scalars.py, json/decoder.py: the same on any machine."""
    shorter = re.sub(r"^.*/(site-packages|lib/python3\.\d+)/", "", path)
    if shorter == path and path.startswith(_REPOSITORY):
        return path[len(_REPOSITORY) :]
    return shorter


def _exception_causes(log: str) -> list[tuple[str, str]]:
    """(last line, innermost frame) of each exception in these log lines."""
    causes = []
    for line in log.splitlines():
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if not isinstance(entry, dict) or not entry.get("exception"):
            continue
        text = str(entry["exception"])
        lines = [part.strip() for part in text.splitlines() if part.strip()]
        # The exception's own line (SQLAlchemy's end with a link to its docs instead).
        raised = [line for line in lines if _EXCEPTION_LINE.match(line)]
        frames = _FRAME.findall(text)
        origin = ""
        if frames:
            path, function = frames[-1]
            origin = f"{_short_path(path)}:{function}"
        cause = raised[-1] if raised else lines[-1] if lines else str(entry.get("message", ""))
        causes.append((cause, origin))
    return causes


class Fuzzer:
    def __init__(self, server: LiveServer) -> None:
        self.server = server
        # A connection per request: a server that closes one after a 500 must not make the
        # next request look as if it broke the connection.
        self.client = httpx.Client(
            timeout=REQUEST_TIMEOUT_SECONDS, limits=httpx.Limits(max_keepalive_connections=0)
        )
        self.findings: list[Finding] = []
        self.sent = 0
        self.seconds: dict[str, float] = {}  # time spent per operation, for the report

    def close(self) -> None:
        self.client.close()

    def send(
        self,
        where: str,
        principal: Principal,
        body: bytes | None,
        *,
        method: str = "POST",
        path: str = "/graphql",
        headers: dict[str, str] | None = None,
        expect_json: bool = True,
    ) -> httpx.Response | None:
        request_headers = {"Content-Type": "application/json", **principal.headers}
        request_headers.update(headers or {})
        request_id = f"fuzz-{uuid.uuid4().hex[:16]}"
        request_headers["X-Request-Id"] = request_id
        shown = f"{method} {path} " + (body or b"").decode("utf-8", "backslashreplace")
        offset = self.server.log_offset()
        self.sent += 1
        started = time.monotonic()
        try:
            response = self.client.request(
                method, self.server.base_url + path, content=body, headers=request_headers
            )
        except httpx.TimeoutException:
            self._add(
                "hang: no answer in time", where, principal, None, shown, "", "server restarted"
            )
            self.server.restart()
            return None
        except httpx.TransportError as error:
            self._lost(where, principal, shown, offset, error)
            return None
        finally:
            self.seconds[where] = self.seconds.get(where, 0.0) + time.monotonic() - started
        for kind, message in self.violations(response, principal, expect_json):
            cause, origin = self._cause(offset, message, wait=kind != "token refused")
            self._add(
                kind, where, principal, response.status_code, shown, response.text, cause, origin
            )
        return response

    def send_case(self, where: str, principal: Principal, case: Any, checks: list[Any]) -> None:
        """A schemathesis case (REST): the same contract, and schemathesis' own `checks`."""
        import requests
        from schemathesis.core.failures import Failure as CheckFailure
        from schemathesis.core.failures import FailureGroup

        headers = {**principal.headers, "X-Request-Id": f"fuzz-{uuid.uuid4().hex[:16]}"}
        try:
            shown = case.as_curl_command(headers=headers, base_url=self.server.base_url)
        except Exception as error:  # an unprintable case is still sent
            shown = f"{case.method} {case.path} (not printable: {error})"
        offset = self.server.log_offset()
        self.sent += 1
        try:
            response = case.call(
                base_url=self.server.base_url, headers=headers, timeout=REQUEST_TIMEOUT_SECONDS
            )
        except requests.Timeout:
            self._add("hang: no answer in time", where, principal, None, shown, "", "")
            self.server.restart()
            return
        except requests.ConnectionError as error:
            self._lost(where, principal, shown, offset, error)
            return
        expect_json = case.path == "/graphql" and case.method.upper() == "POST"
        for kind, message in self.violations(response, principal, expect_json):
            cause, origin = self._cause(offset, message, wait=kind != "token refused")
            self._add(
                kind, where, principal, response.status_code, shown, response.text, cause, origin
            )
        if response.status_code >= 500 or not checks:
            return  # a 5xx is reported above with its cause; schemathesis would repeat it
        try:
            case.validate_response(response, checks=checks)
        except (FailureGroup, CheckFailure) as error:
            failures = error.exceptions if isinstance(error, FailureGroup) else (error,)
            for failure in failures:
                message = " | ".join(failure.message.strip().splitlines()) or failure.title
                self._add(
                    f"schemathesis {failure.code}: {failure.title}",
                    where,
                    principal,
                    response.status_code,
                    shown,
                    response.text,
                    message,
                    from_log=False,
                )

    def violations(
        self, response: Any, principal: Principal, expect_json: bool
    ) -> Iterator[tuple[str, str]]:
        if response.status_code >= 500:
            yield f"HTTP {response.status_code}", response.text[:200]
        if response.status_code == 401 and principal.token is not None:
            yield "token refused", response.text[:200]
        if not expect_json or response.status_code >= 500:
            return
        try:
            payload = response.json()
        except ValueError:
            content_type = response.headers.get("content-type", "")
            yield "not JSON", f"HTTP {response.status_code} {content_type}: {response.text[:100]}"
            return
        if not isinstance(payload, dict):
            yield "not a JSON object", response.text[:200]
            return
        for error in payload.get("errors") or []:
            code = (error.get("extensions") or {}).get("code") if isinstance(error, dict) else None
            if code == "INTERNAL_SERVER_ERROR":
                yield "INTERNAL_SERVER_ERROR", str(error.get("message"))
            elif code is None:
                yield "error without extensions.code", str(error)[:200]

    def _cause(self, offset: int, fallback: str, *, wait: bool) -> tuple[str, str]:
        # The server logs a 5xx's exception as the response leaves: give the line a moment.
        deadline = time.monotonic() + (0.5 if wait else 0)
        while True:
            causes = _exception_causes(self.server.log_since(offset))
            if causes or time.monotonic() >= deadline:
                return causes[-1] if causes else (fallback, "")
            time.sleep(0.02)

    def _lost(
        self, where: str, principal: Principal, shown: str, offset: int, error: Exception
    ) -> None:
        """No answer: the server dropped the connection, or died (then it is restarted)."""
        alive = self.server.alive
        kind = "connection lost" if alive else "server process died"
        cause, origin = self._cause(offset, f"{type(error).__name__}: {error}", wait=True)
        self._add(kind, where, principal, None, shown, "", cause, origin)
        if not alive:
            self.server.restart()

    def _add(
        self,
        kind: str,
        where: str,
        principal: Principal,
        status: int | None,
        request: str,
        response: str,
        cause: str,
        origin: str = "",
        *,
        from_log: bool = True,
    ) -> None:
        exception = ""
        if from_log and _EXCEPTION_LINE.match(cause):
            exception = cause.split(":", 1)[0].rsplit(".", 1)[-1]
        self.findings.append(
            Finding(
                kind,
                where,
                principal.name,
                status,
                excerpt(request),
                excerpt(response, 400),
                cause,
                origin,
                exception,
            )
        )

    def groups(self, findings: list[Finding] | None = None) -> list[Group]:
        groups: dict[tuple[str, str, str], Group] = {}
        for finding in self.findings if findings is None else findings:
            key = finding.group
            groups.setdefault(key, Group(*key)).findings.append(finding)
        return sorted(
            groups.values(), key=lambda group: (group.kind, group.exception, group.origin)
        )

    def report(self, title: str, findings: list[Finding] | None = None) -> str:
        findings = self.findings if findings is None else findings
        groups = self.groups(findings)
        lines = [f"{title}: {len(findings)} failures in {self.sent} requests"]
        lines.append(f"{len(groups)} distinct causes; server restarts: {self.server.restarts}")
        slowest = sorted(self.seconds.items(), key=lambda item: -item[1])[:5]
        lines.append("slowest: " + ", ".join(f"{where} {spent:.1f} s" for where, spent in slowest))
        for number, group in enumerate(groups, 1):
            example = group.example
            raised = f" raised in {group.origin}" if group.origin else ""
            lines += ["", f"{number}. [{group.kind}] {group.exception}{raised}".rstrip()]
            lines += [f"   - {cause}" for cause in group.causes[:8]]
            if len(group.causes) > 8:
                lines.append(f"   - ... and {len(group.causes) - 8} more messages")
            lines += [
                f"   {len(group.findings)} times, in: {', '.join(group.where)}",
                f"   e.g. as {example.principal}: {example.request}",
                f"   -> {example.status}: {example.response}",
            ]
        return "\n".join(lines)


# GraphQL documents as variables: the generator writes literals; clients send variables,
# which take another path through the server (variable coercion, not literal parsing).


def as_variables(document: str, schema: graphql.GraphQLSchema) -> tuple[str, dict[str, Any]]:
    """The document with each root field's literal arguments moved into variables."""
    ast = graphql.parse(document)
    variables: dict[str, Any] = {}
    definitions: list[graphql.VariableDefinitionNode] = []
    new_definitions: list[graphql.DefinitionNode] = []
    for definition in ast.definitions:
        if not isinstance(definition, graphql.OperationDefinitionNode):
            new_definitions.append(definition)
            continue
        root = (
            schema.mutation_type
            if definition.operation == graphql.OperationType.MUTATION
            else schema.query_type
        )
        selections = []
        for selection in definition.selection_set.selections:
            if (
                not isinstance(selection, graphql.FieldNode)
                or root is None
                or selection.name.value not in root.fields
            ):
                selections.append(selection)
                continue
            field_definition = root.fields[selection.name.value]
            arguments = []
            for argument in selection.arguments or ():
                argument_definition = field_definition.args.get(argument.name.value)
                if argument_definition is None or _has_variable(argument.value):
                    arguments.append(argument)
                    continue
                name = f"v{len(variables)}"
                variables[name] = json_value(argument.value)
                variable = graphql.VariableNode(name=graphql.NameNode(value=name))
                definitions.append(
                    graphql.VariableDefinitionNode(
                        variable=variable,
                        type=graphql.parse_type(str(argument_definition.type)),
                        directives=(),
                    )
                )
                arguments.append(dataclasses.replace(argument, value=variable))
            selections.append(dataclasses.replace(selection, arguments=tuple(arguments)))
        selection_set = dataclasses.replace(definition.selection_set, selections=tuple(selections))
        new_definitions.append(
            dataclasses.replace(
                definition,
                selection_set=selection_set,
                variable_definitions=(*(definition.variable_definitions or ()), *definitions),
            )
        )
    new_ast = dataclasses.replace(ast, definitions=tuple(new_definitions))
    return graphql.print_ast(new_ast), variables


def _has_variable(node: graphql.ValueNode) -> bool:
    if isinstance(node, graphql.VariableNode):
        return True
    if isinstance(node, graphql.ListValueNode):
        return any(_has_variable(value) for value in node.values)
    if isinstance(node, graphql.ObjectValueNode):
        return any(_has_variable(item.value) for item in node.fields)
    return False


def json_value(node: graphql.ValueNode) -> Any:
    """A literal as the JSON a client would send; numbers stay as written."""
    if isinstance(node, graphql.IntValueNode | graphql.FloatValueNode):
        return Raw(node.value)
    if isinstance(node, graphql.StringValueNode | graphql.BooleanValueNode):
        return node.value
    if isinstance(node, graphql.EnumValueNode):
        return node.value
    if isinstance(node, graphql.ListValueNode):
        return [json_value(value) for value in node.values]
    if isinstance(node, graphql.ObjectValueNode):
        return {item.name.value: json_value(item.value) for item in node.fields}
    return None


def positions(value: Any, path: tuple[str | int, ...]) -> Iterator[tuple[str | int, ...]]:
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from positions(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from positions(item, (*path, index))


def replaced(variables: dict[str, Any], path: tuple[str | int, ...], value: Any) -> dict[str, Any]:
    """A copy of `variables` with the value at `path` (starting with a variable's name)."""
    result = copy.deepcopy(variables)
    container: Any = result
    for step in path[:-1]:
        container = container[step]
    container[path[-1]] = value
    return result


def graphql_body(query: str, variables: dict[str, Any] | None = None) -> bytes:
    body: dict[str, Any] = {"query": query}
    if variables is not None:
        body["variables"] = variables
    return encode_json(body).encode()


def expect_no_findings(fuzzer: Fuzzer, title: str) -> None:
    """Fails listing every finding, grouped by cause, if the run had any."""
    if fuzzer.findings:
        pytest.fail(fuzzer.report(title), pytrace=False)
