#!/usr/bin/env python3
"""Writes N distinct, realistic, valid publiccode.yml files into OUTDIR/NNNNN/publiccode.yml.

Usage: gen_publiccode.py N OUTDIR [SEED]
The texts vary in language (en, fr, es, ar, zh, ru), length, categories, licenses and
maintenance, so the benchmark reads files like the ones agencies publish.
"""
import json
import os
import random
import sys

CATEGORIES = [
    "accounting", "data-collection", "document-management", "geographic-information-systems",
    "help-desk", "hr", "identity-management", "knowledge-management", "learning-management-system",
    "inventory-management", "financial-reporting", "fleet-management", "it-security", "crm",
    "communications", "data-analytics", "data-visualization", "e-signature", "event-management",
]
LICENSES = ["AGPL-3.0-or-later", "GPL-3.0-only", "MPL-2.0", "Apache-2.0", "MIT", "EUPL-1.2",
            "BSD-3-Clause", "LGPL-2.1-or-later", "MIT OR Apache-2.0"]
ORGS = ["UNICEF", "UNHCR", "WFP", "WHO", "UNDP", "UNFPA", "ILO", "FAO", "UNESCO", "ITU",
        "Ministry of Health of Kenya", "Prefeitura de Recife", "Direction des douanes du Sénégal"]
TEXT = {
    "en": ("Case management for field teams", "This application helps public officers register "
           "cases, follow them up and report on them, with offline work and strict access control. "),
    "fr": ("Gestion de dossiers pour les équipes de terrain", "Cette application aide les agents "
           "publics à enregistrer les dossiers, à les suivre et à en rendre compte, hors ligne. "),
    "es": ("Gestión de casos para equipos de campo", "Esta aplicación ayuda a los funcionarios "
           "públicos a registrar casos, darles seguimiento e informar sobre ellos, sin conexión. "),
    "ar": ("إدارة الحالات للفرق الميدانية", "يساعد هذا التطبيق الموظفين العموميين على تسجيل الحالات "
           "ومتابعتها وإعداد التقارير عنها، مع العمل دون اتصال والتحكم الصارم في الوصول. "),
    "zh": ("面向外勤团队的个案管理", "该应用帮助公共部门工作人员登记个案、跟进并报告，支持离线工作和严格的访问控制。"),
    "ru": ("Ведение дел для полевых групп", "Это приложение помогает государственным служащим "
           "регистрировать дела, отслеживать их и готовить отчёты, в том числе без сети. "),
}


def q(s):
    return json.dumps(s, ensure_ascii=False)


def entry(i, rng):
    langs = ["en"] + rng.sample(["fr", "es", "ar", "zh", "ru"], rng.randint(0, 3))
    org = rng.choice(ORGS)
    kind = rng.choice(["internal", "contract", "community", "none"])
    lines = [
        'publiccodeYmlVersion: "0"',
        f"name: {q(f'Tool {i:05d}')}",
        f'url: "https://git.example.org/org{i % 97}/tool-{i:05d}"',
        f'softwareVersion: "{rng.randint(0, 9)}.{rng.randint(0, 20)}.{rng.randint(0, 9)}"',
        f'releaseDate: "20{rng.randint(15, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"',
        "organisation:",
        f"  name: {q(org)}",
        f'  uri: "https://www.example.org/{org.split()[0].lower()}"',
        "platforms:",
        "  - web",
    ]
    if rng.random() < 0.5:
        lines.append("  - android")
    lines.append("categories:")
    lines += [f"  - {c}" for c in rng.sample(CATEGORIES, rng.randint(1, 4))]
    lines += [
        f"developmentStatus: {rng.choice(['concept', 'development', 'beta', 'stable', 'obsolete'])}",
        f"softwareType: {rng.choice(['standalone/web', 'standalone/mobile', 'library', 'addon'])}",
        "intendedAudience:",
        "  countries:",
    ]
    lines += [f"    - {c}" for c in rng.sample(["KE", "SN", "BR", "JO", "LB", "CN", "RU", "FR", "ES"], 2)]
    lines.append("description:")
    for lang in langs:
        short, long_ = TEXT[lang]
        body = (long_ * 60)[: rng.randint(300, 2000)]
        lines += [
            f"  {lang}:",
            f"    shortDescription: {q(short + f' #{i}')}",
            "    longDescription: >",
        ]
        lines += ["      " + body[k:k + 70].strip() for k in range(0, len(body), 70)]
        lines.append("    features:")
        lines += [f"      - {q(short + f' feature {n}')}" for n in range(rng.randint(1, 5))]
    lines += ["legal:", f"  license: {rng.choice(LICENSES)}", "maintenance:", f"  type: {kind}"]
    if kind == "contract":
        lines += ["  contractors:", "    - name: Example Contractor Ltd",
                  f'      until: "20{rng.randint(26, 30)}-12-31"',
                  '      website: "https://contractor.example.org"']
    if kind in ("internal", "community", "contract"):
        lines += ["  contacts:", "    - name: Maintainer", "      email: maintainer@example.org"]
    lines += ["localisation:", f"  localisationReady: {rng.choice(['true', 'false'])}",
              "  availableLanguages:"]
    lines += [f"    - {lang}" for lang in langs]
    return "\n".join(lines) + "\n"


def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 42)
    for i in range(n):
        d = os.path.join(out, f"{i:05d}")
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "publiccode.yml"), "w", encoding="utf-8") as f:
            f.write(entry(i, rng))


if __name__ == "__main__":
    main()
