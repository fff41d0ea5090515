"""Command line: `python -m dashboard validate [PATH]`, `python -m dashboard bench ...`, `... review`, `... labels --check` and
`python -m dashboard export ...` (open data as CSV or JSON, or the static edition)."""
from __future__ import annotations

import argparse
import datetime as dt
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


def export(args: argparse.Namespace) -> int:
    from dashboard.knowledge import DATA_DIR, KnowledgeError, load_knowledge

    try:
        knowledge = load_knowledge(args.data or DATA_DIR)
    except KnowledgeError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return 1
    ids = None
    if args.treatments:
        ids = [knowledge.find_treatment(name) for name in args.treatments]
        if None in ids:
            unknown = [name for name, i in zip(args.treatments, ids) if i is None]
            print(f"unknown treatment(s): {', '.join(unknown)}; known: {', '.join(knowledge.treatment_ids())}", file=sys.stderr)
            return 2
        ids = list(dict.fromkeys(ids))
    if args.handout:
        from dashboard.export.handout import build

        made = build(knowledge, tuple(ids or ()), args.view, link=args.link)
        args.handout.write_bytes(made.pdf)
        print(f"{args.handout}: handout of {made.pages} page(s), body text {made.font_size:g} pt, "
              f"made in {made.seconds:.2f} s")
        return 0
    if args.site:
        from dashboard.export.site import write_site

        written = write_site(knowledge, args.site, ids)
        print(f"static edition: {len(written)} pages in {args.site} (open {args.site / 'index.html'})")
        return 0
    from dashboard.export.figures import records, to_csv, to_json

    found = records(knowledge, ids)
    text = to_csv(found) if args.format == "csv" else to_json(knowledge, found, ids)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
        print(f"{args.out}: {len(found)} figures, knowledge {knowledge.site.knowledge_version}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def review(args: argparse.Namespace) -> int:
    """Exit code 1 where a source is overdue or a newer label was found, so a schedule can say so."""
    from dashboard.knowledge import DATA_DIR, KnowledgeError, load_knowledge
    from dashboard.knowledge.labels import read_state, state_path
    from dashboard.knowledge.review import report, review as review_all

    try:
        knowledge = load_knowledge(args.data or DATA_DIR)
    except KnowledgeError as error:
        print("\n".join(map(str, error.problems)), file=sys.stderr)
        return 2
    today, state = args.today or dt.date.today(), read_state(state_path(args.state))
    reviews = review_all(knowledge, today, state)
    print(report(reviews, today, state))
    return int(any(r.due for r in reviews))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("validate", help="check the knowledge files")
    check.add_argument("path", nargs="?", type=Path, default=None, help="data folder (default: data/)")
    out = commands.add_parser("export", help="every figure as CSV or JSON (docs/export-format.md), or the static edition")
    out.add_argument("--format", choices=("csv", "json"), default="csv", help="file format (default csv)")
    out.add_argument("--treatments", nargs="+", metavar="ID", help="only these treatments (id, name or brand); default all")
    out.add_argument("--out", type=Path, help="write to this file (default: standard output)")
    out.add_argument("--site", type=Path, metavar="DIR", help="write the static HTML edition into DIR instead")
    out.add_argument("--handout", type=Path, metavar="FILE", help="write the PDF handout (A4, up to four pages) of --treatments instead")
    out.add_argument("--view", choices=("patient", "clinician"), default="patient", help="handout version (default patient)")
    out.add_argument("--link", default="", help="handout: the address that reopens the view (printed and as a QR code)")
    out.add_argument("--data", type=Path, help="data folder (default: data/)")
    due = commands.add_parser("review", help="per treatment: what is due for review, and when (docs/knowledge.md)")
    due.add_argument("--today", type=dt.date.fromisoformat, help="review as on this date (default: today)")
    due.add_argument("--state", type=Path, help="openFDA check results (default: $DASHBOARD_LABEL_STATE)")
    due.add_argument("--data", type=Path, help="data folder (default: data/)")
    labels = commands.add_parser("labels", help="the US labels cited; --check asks openFDA for newer versions")
    from dashboard.labels_check import add_arguments as label_arguments

    label_arguments(labels)
    bench = commands.add_parser("bench", help="measure concurrent sessions and reruns")
    from dashboard.bench import add_arguments
    from dashboard.phone_bench import add_arguments as add_phone_arguments

    add_arguments(bench)
    add_phone_arguments(bench)
    args = parser.parse_args(argv)
    if args.command == "validate":
        from dashboard.knowledge import DATA_DIR

        return validate(args.path or DATA_DIR)
    if args.command == "export":
        return export(args)
    if args.command == "review":
        return review(args)
    if args.command == "labels":
        from dashboard.labels_check import run as check_labels

        return check_labels(args)
    if args.phone:
        from dashboard.phone_bench import run as run_phone

        return run_phone(args)
    from dashboard.bench import run

    return run(args)


if __name__ == "__main__":
    sys.exit(main())
