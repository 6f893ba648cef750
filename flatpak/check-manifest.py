#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check the Flatpak manifest against the meson build.

Usage: check-manifest.py [SOURCE_ROOT]

Checks that flatpak/io.github.tandemcrm.Tandem.json
  - has app-id io.github.tandemcrm.Tandem and command tandem,
  - ends with the tandem module, built with meson,
  - has a module for every library that the top-level meson.build and
    src/**/meson.build ask for with dependency('...') or find_library('...')
    and that the GNOME runtime does not provide.

Prints one line per problem and exits 1 if there is any, 0 otherwise.
Only the Python standard library is used.
"""

import json
import os
import re
import sys

APP_ID = 'io.github.tandemcrm.Tandem'
COMMAND = 'tandem'
MANIFEST = os.path.join('flatpak', APP_ID + '.json')

# pkg-config names the org.gnome.Platform runtime provides.
RUNTIME = {
    'glib-2.0', 'gio-2.0', 'gobject-2.0', 'gio-unix-2.0', 'gmodule-2.0',
    'gthread-2.0', 'gtk4', 'libadwaita-1', 'gtksourceview-5',
    'json-glib-1.0', 'libsecret-1', 'sqlite3', 'cairo', 'pangocairo',
    'pango', 'libcurl',
    # evolution-data-server is part of the GNOME runtime too (vCard, SPEC M1).
    'libebook-contacts-1.2', 'libedataserver-1.2', 'camel-1.2',
}

# Names meson resolves itself or that come with the C library.
BUILTIN = {'threads', 'dl', 'm', 'rt', 'pthread', 'intl', 'iconv', 'openmp'}

# Dependency names that do not look like their module's name.
ALIASES = {
    'csv': 'libcsv',
    'sodium': 'libsodium',
    'ical': 'libical',
    'icalss': 'libical',
    'icalvcal': 'libical',
    'pq': 'postgresql',
    'libpq': 'postgresql',
}

CALL_RE = re.compile(r'\b(dependency|find_library)\s*\(')
NAME_RE = re.compile(r"\s*'([^']+)'")


def normalise(name):
    """'libical-3.0' -> 'ical', 'libsodium' -> 'sodium', 'csv' -> 'csv'."""
    name = name.lower()
    name = re.sub(r'[-_.]?\d+(\.\d+)*$', '', name)
    if name.startswith('lib') and len(name) > 3:
        name = name[3:]
    return name


def call_text(text, start):
    """The argument text of the call whose '(' is at text[start - 1]."""
    depth = 1
    i = start
    while i < len(text) and depth:
        if text[i] == '(':
            depth += 1
        elif text[i] == ')':
            depth -= 1
        elif text[i] == "'":
            end = text.find("'", i + 1)
            if end < 0:
                break
            i = end
        i += 1
    return text[start:i - 1]


def strip_comments(text):
    out = []
    for line in text.splitlines():
        in_str = False
        for i, ch in enumerate(line):
            if ch == "'":
                in_str = not in_str
            elif ch == '#' and not in_str:
                line = line[:i]
                break
        out.append(line)
    return '\n'.join(out)


def meson_files(root):
    files = []
    top = os.path.join(root, 'meson.build')
    if os.path.isfile(top):
        files.append(top)
    src = os.path.join(root, 'src')
    if os.path.isdir(src):
        for dirpath, dirnames, filenames in os.walk(src):
            dirnames.sort()
            if 'meson.build' in filenames:
                files.append(os.path.join(dirpath, 'meson.build'))
    return files


def wanted_libraries(root):
    """Yield (file, name) for each required dependency/find_library call."""
    for path in meson_files(root):
        with open(path, encoding='utf-8') as f:
            text = strip_comments(f.read())
        for match in CALL_RE.finditer(text):
            args = call_text(text, match.end())
            name = NAME_RE.match(args)
            if not name:
                continue  # a variable, not a literal name
            # An optional dependency is not needed to configure the build.
            if re.search(r'\brequired\s*:\s*false\b', args):
                continue
            yield os.path.relpath(path, root), name.group(1)


def main(argv):
    root = argv[1] if len(argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), '..')
    problems = []

    manifest_path = os.path.join(root, MANIFEST)
    try:
        with open(manifest_path, encoding='utf-8') as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        print('%s: cannot read: %s' % (MANIFEST, e))
        return 1

    app_id = manifest.get('app-id', manifest.get('id'))
    if app_id != APP_ID:
        problems.append('app-id is %r, expected %r' % (app_id, APP_ID))
    if manifest.get('command') != COMMAND:
        problems.append('command is %r, expected %r'
                        % (manifest.get('command'), COMMAND))

    modules = [m for m in manifest.get('modules', []) if isinstance(m, dict)]
    if not modules:
        problems.append('no modules')
    else:
        last = modules[-1]
        if last.get('name') != 'tandem':
            problems.append('last module is %r, expected tandem'
                            % last.get('name'))
        if last.get('buildsystem') != 'meson':
            problems.append('tandem module buildsystem is %r, expected meson'
                            % last.get('buildsystem'))

    module_names = set()

    def collect(mods):
        for m in mods:
            if isinstance(m, dict):
                module_names.add(normalise(m.get('name', '')))
                collect(m.get('modules', []))
    collect(modules)

    runtime = {normalise(n) for n in RUNTIME}
    seen = set()
    for path, name in wanted_libraries(root):
        if name in RUNTIME or name in BUILTIN or name in seen:
            continue
        seen.add(name)
        key = normalise(name)
        if key in runtime:
            continue
        wanted = normalise(ALIASES.get(key, ALIASES.get(name, name)))
        if wanted not in module_names:
            problems.append("%s: %r is not in the GNOME runtime and no "
                            "module in %s provides it" % (path, name, MANIFEST))

    for p in problems:
        print(p)
    if not problems:
        print('%s: OK (%d modules; libraries from outside the runtime: %s)'
              % (MANIFEST, len(modules), ', '.join(sorted(seen)) or 'none'))
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
