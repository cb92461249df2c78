"""The ``dossier`` command: a thin layer of argument parsing over the library.

Exit codes: 0 success; 1 invalid input (every fault listed with its place);
2 usage error or input that cannot be read. No traceback reaches the user.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Callable, Optional, Sequence

from . import __version__
from .errors import DossierError, InvalidDossier, ReadError, UnknownFormat, printable, summarise
from .formats import FORMATS

__all__ = ["main"]

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def _format_list(writable: bool = False) -> str:
    rows = [f for f in FORMATS.values() if f.write or not writable]
    return "; ".join(f"{f.name} ({', '.join((*f.aliases, f.media_type, *f.extensions))})" for f in rows)


def _cmd_convert(args: argparse.Namespace) -> int:
    from .batch import convert_many

    return convert_many(args.inputs, to=args.to, output=args.output, base=args.base, source_format=args.source_format,
                        jobs=args.jobs, progress=args.progress, max_bytes=args.max_bytes)


def _cmd_validate(args: argparse.Namespace) -> int:
    """Check each file; print each verdict (text) or one JSON object of records (json)."""
    from .validation import problems_in

    status = EXIT_OK
    records: list[dict[str, object]] = []
    files: list[dict[str, object]] = []
    for path in args.files:
        try:
            found = problems_in(path, args.format, shacl=not args.no_shacl, max_bytes=args.max_bytes)
        except (ReadError, UnknownFormat) as exc:
            rule = "unknown-format" if isinstance(exc, UnknownFormat) else "unreadable"
            message = str(exc).removeprefix(f"{path}: ")
            records.append({"file": str(path), "location": str(path), "rule": rule, "message": message})
            files.append({"file": str(path), "valid": False, "problems": 1, "error": rule})
            if args.output == "text":
                print(f"dossier: {printable(str(exc))}", file=sys.stderr)
            status = max(status, EXIT_USAGE)
            continue
        files.append({"file": str(path), "valid": not found, "problems": len(found)})
        records += [{**p.as_record(), "location": p.where()} for p in found]
        if found:
            status = max(status, EXIT_INVALID)
        if args.output == "text":
            if found:
                limit = args.limit or len(found)  # --limit 0 shows every problem
                print(f"{printable(str(path))}: invalid ({len(found)} problem{'s' if len(found) != 1 else ''})")
                print(summarise(found, limit, per_rule=5 if args.limit else limit))
            else:
                print(f"{printable(str(path))}: valid")
    if args.output == "json":
        # ASCII escapes keep the output valid even for text that is not valid Unicode (lone surrogates).
        print(json.dumps({"valid": status == EXIT_OK, "files": files, "problems": records}, indent=2))
    return status


def _cmd_schema(args: argparse.Namespace) -> int:
    from .schemas import write_artefacts

    for path in write_artefacts(args.output):
        print(path)
    return EXIT_OK


def _cmd_extract(args: argparse.Namespace) -> int:
    from .formats import atomic_write, dumps, output_format, read

    report = read(args.article, "article", max_bytes=args.max_bytes)
    text = dumps(report, args.to or (output_format(args.output) if args.output else "json"))
    if args.output:
        atomic_write(args.output, text)
    else:
        sys.stdout.write(text)
    return EXIT_OK


def _cmd_score(args: argparse.Namespace) -> int:
    from .formats import read
    from .scoring import format_scores, score

    print(format_scores(score(read(args.draft), read(args.gold))))
    return EXIT_OK


def _cmd_formats(args: argparse.Namespace) -> int:
    for f in FORMATS.values():
        modes = ("read" if f.read else "") + (", write" if f.write else "")
        print(f"{f.name:<9} {f.media_type:<22} {' '.join(f.extensions):<12} {', '.join(f.aliases):<18} {modes}")
    return EXIT_OK


def _max_bytes(text: str) -> int:
    value = int(text)
    if value <= 0:
        raise argparse.ArgumentTypeError("must be a positive number of bytes")
    return value


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``dossier`` command."""
    parser = argparse.ArgumentParser(
        prog="dossier", description="News reports as validated linked data.",
        epilog="Exit codes: 0 success; 1 invalid input; 2 usage error or unreadable input.")
    parser.add_argument("--version", action="version", version=f"dossier {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, func: Callable[[argparse.Namespace], int], help: str, description: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help, description=description,
                           epilog="Exit codes: 0 success; 1 invalid input; 2 usage error or unreadable input.")
        p.set_defaults(func=func)
        return p

    p = command("convert", _cmd_convert, "convert dossiers (or article texts) to another format",
                "Convert dossier files, or article texts (.txt, drafted by extraction), to another format. "
                f"Formats: {_format_list(writable=True)}.")
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="dossier files, article .txt files, folders or globs")
    p.add_argument("--to", "-t", metavar="FORMAT",
                   help="output format (default: the one the output file's extension names, else json)")
    p.add_argument("--from", dest="source_format", metavar="FORMAT", help="input format (default: from the extension)")
    p.add_argument("-o", "--output", metavar="PATH",
                   help="output file; with several inputs, a folder (one file per input), "
                        "or a .nq / .jsonl file that combines them all. Default: standard output")
    p.add_argument("--base", metavar="IRI", help="base IRI of the nodes; {id} is the report id "
                   "(default https://example.org/dossier/{id}/)")
    p.add_argument("--jobs", "-j", type=int, default=1, metavar="N", help="worker processes (default 1)")
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="show a progress bar (default: only on a terminal, with several inputs)")
    p.add_argument("--max-bytes", type=_max_bytes, default=None, help="refuse input files larger than this many bytes (default 16 MiB)")

    p = command("validate", _cmd_validate, "check dossier files of any format",
                "Check files: JSON Schema (YAML, JSON, JSON-LD), the models' integrity rules and evidence against "
                f"the article text (all formats), SHACL shapes (RDF formats). Formats: {_format_list()}.")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--format", "-f", metavar="FORMAT", help="input format (default: from the extension)")
    p.add_argument("--output", choices=("text", "json"), default="text",
                   help="text for people (default), json for tools: records of file, location, rule, message")
    p.add_argument("--no-shacl", action="store_true", help="skip the SHACL shapes (faster)")
    p.add_argument("--limit", type=int, default=20, help="problems shown in full per file (default 20)")
    p.add_argument("--max-bytes", type=_max_bytes, default=None, help="refuse files larger than this many bytes (default 16 MiB)")

    p = command("schema", _cmd_schema, "write the published schemas",
                "Write the JSON Schema, JSON-LD context, SHACL shapes and vocabulary, generated from the models.")
    p.add_argument("-o", "--output", default="schemas", metavar="DIR", help="folder to write into (default schemas)")

    p = command("extract", _cmd_extract, "draft a dossier from an article text",
                "Draft a dossier from an article's text alone, by rules and shipped gazetteers. "
                "The draft is valid; read and correct it before trusting it.")
    p.add_argument("article", metavar="ARTICLE.txt")
    p.add_argument("-o", "--output", metavar="FILE", help="write the draft here (default: standard output)")
    p.add_argument("--to", "-t", metavar="FORMAT",
                   help="format of the draft (default: the one the output file's extension names, else json)")
    p.add_argument("--max-bytes", type=_max_bytes, default=None, help="refuse articles larger than this many bytes (default 16 MiB)")

    p = command("score", _cmd_score, "score a draft against a curated dossier",
                "Precision, recall and F1 per kind of item, matching items by name and evidence, not by id.")
    p.add_argument("draft")
    p.add_argument("gold")

    command("formats", _cmd_formats, "list the formats", "List every format dossier reads or writes.")
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run the ``dossier`` command; return its exit code (0 success, 1 invalid input, 2 usage or I/O error).

    Whatever the input, no traceback reaches the user: library errors become
    one clean message, anything else a one-line internal error.
    """
    import logging

    if not logging.getLogger().handlers:
        # Libraries log what they tolerate, some with a traceback; the problems printed say it better.
        # Only their errors are shown, one line each, never a traceback.
        handler = logging.StreamHandler()
        handler.setLevel(logging.ERROR)
        handler.setFormatter(logging.Formatter("dossier: %(name)s: %(message)s"))
        handler.formatter.formatException = lambda exc_info: ""  # type: ignore[union-attr,method-assign]
        logging.getLogger().addHandler(handler)
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "max_bytes", 0) is None:
        from .reading import DEFAULT_MAX_BYTES

        args.max_bytes = DEFAULT_MAX_BYTES
    try:
        return int(args.func(args))
    except InvalidDossier as exc:
        print(summarise(exc.problems), file=sys.stderr)
        return EXIT_INVALID
    except (ReadError, UnknownFormat) as exc:
        print(f"dossier: {printable(str(exc))}", file=sys.stderr)
        return EXIT_USAGE
    except DossierError as exc:
        print(f"dossier: {printable(str(exc))}", file=sys.stderr)
        return EXIT_INVALID
    except KeyboardInterrupt:
        print("dossier: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except OSError as exc:  # writing the output failed: a full disk, a folder that does not exist
        print(f"dossier: {printable(str(exc))}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as exc:  # noqa: BLE001 - the promise is: no traceback reaches a user
        print(f"dossier: internal error ({type(exc).__name__}: {printable(str(exc))}); please report it",
              file=sys.stderr)
        return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
