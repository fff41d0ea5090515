"""Command line: `python -m dashboard validate [PATH]` and `python -m dashboard bench ...`."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def validate(path: Path) -> int:
    from dashboard.knowledge import KnowledgeError, load_knowledge

    try:
        knowledge = load_knowledge(path)
    except KnowledgeError as error:
        for problem in error.problems:
            print(problem)
        return 1
    print(f"ok: {len(knowledge.treatments)} treatments, {knowledge.figure_count} figures, {len(knowledge.sources)} sources")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("validate", help="check the knowledge files")
    check.add_argument("path", nargs="?", type=Path, default=None, help="data folder (default: data/)")
    bench = commands.add_parser("bench", help="measure concurrent sessions and reruns")
    from dashboard.bench import add_arguments

    add_arguments(bench)
    args = parser.parse_args(argv)
    if args.command == "validate":
        from dashboard.knowledge import DATA_DIR

        return validate(args.path or DATA_DIR)
    from dashboard.bench import run

    return run(args)


if __name__ == "__main__":
    sys.exit(main())
