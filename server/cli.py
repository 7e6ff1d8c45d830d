"""`batchtrack serve | worker | migrate | export-schema`."""

from __future__ import annotations

import argparse
import asyncio
import sys

from server.settings import load_settings

FIRST_STEPS = """
BatchTrack API is serving at http://{host}:{port}/graphql (GraphiQL in a browser).
Create the first account with this mutation (GraphiQL or curl):

  mutation {{ signUp(input: {{email: "you@example.com", password: "a long password",
    organizationName: "My Workshop"}}) {{ token userErrors {{ field message code }} }} }}

then send the token as 'Authorization: Bearer <token>'.
"""


def serve() -> None:
    import uvicorn

    from server.app import create_app

    settings = load_settings()
    app = create_app(settings)
    print(FIRST_STEPS.format(host=settings.host, port=settings.port), flush=True)
    uvicorn.run(app, host=settings.host, port=settings.port, log_config=None, access_log=False)


def migrate() -> None:
    from server import migrate as migrations

    settings = load_settings()
    settings.prepare_var_dir()
    migrations.upgrade(settings.database_url)
    print("migrations applied", flush=True)


def worker() -> None:
    from server.mailer import MailDispatcher
    from server.observability import configure_logging, init_sentry
    from services.db import create_engine, create_session_factory

    settings = load_settings()
    configure_logging(settings.log_level)
    init_sentry(settings.sentry_dsn, settings.sentry_environment)
    sessions = create_session_factory(create_engine(settings.database_url))
    mailer = MailDispatcher(sessions, settings.smtp_url, settings.mail_from)
    asyncio.run(mailer.run_forever())


def export_schema() -> None:
    from schema.root import SCHEMA_FILE
    from schema.root import export_schema as render

    SCHEMA_FILE.write_text(render())
    print(f"wrote {SCHEMA_FILE}", flush=True)


COMMANDS = {
    "serve": serve,
    "worker": worker,
    "migrate": migrate,
    "export-schema": export_schema,
}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="batchtrack", description="BatchTrack platform API")
    parser.add_argument("command", choices=sorted(COMMANDS))
    args = parser.parse_args(argv if argv is not None else sys.argv[1:])
    COMMANDS[args.command]()


if __name__ == "__main__":
    main()
