#!/usr/bin/env bash
# `cmake --install` into a DESTDIR: the executables, the desktop entry, the scalable icon and the
# samples land in their GNUInstallDirs places, the desktop entry validates (desktop-file-validate,
# Debian package desktop-file-utils, when present), and the installed GUI finds its installed
# sample rather than the source tree's.
set -uo pipefail
BUILD=$1
PREFIX=/usr
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
ok() { echo "ok   $1"; }
fail() { echo "FAIL $1"; fails=$((fails + 1)); }

if ! DESTDIR="$tmp/root" cmake --install "$BUILD" --prefix "$PREFIX" >"$tmp/install.log" 2>&1; then
  echo "FAIL cmake --install"; cat "$tmp/install.log"; exit 1
fi
ok "cmake --install into DESTDIR"
root=$tmp/root$PREFIX
for f in bin/veloxquant share/veloxquant-studio/samples/s01_story_kite.npz share/veloxquant-studio/samples/LICENSE; do
  [[ -f $root/$f ]] && ok "installed $f" || fail "missing $f"
done
if [[ -f $BUILD/app/veloxquant-studio ]]; then
  for f in bin/veloxquant-studio share/applications/veloxquant-studio.desktop \
           share/icons/hicolor/scalable/apps/veloxquant-studio.svg; do
    [[ -f $root/$f ]] && ok "installed $f" || fail "missing $f"
  done
  [[ -x $root/bin/veloxquant-studio ]] && ok "studio is executable" || fail "studio is not executable"
  grep -q '^Icon=veloxquant-studio$' "$root/share/applications/veloxquant-studio.desktop" && ok "desktop Icon names the icon" ||
    fail "desktop Icon does not name the installed icon"
  grep -q '^Exec=veloxquant-studio' "$root/share/applications/veloxquant-studio.desktop" && ok "desktop Exec names the executable" ||
    fail "desktop Exec does not name the executable"
  grep -q '<svg' "$root/share/icons/hicolor/scalable/apps/veloxquant-studio.svg" && ok "icon is SVG" || fail "icon is not SVG"
  if command -v desktop-file-validate >/dev/null; then
    if desktop-file-validate "$root/share/applications/veloxquant-studio.desktop" >"$tmp/dfv" 2>&1 && ! grep -q error "$tmp/dfv"; then
      ok "desktop-file-validate"
    else
      fail "desktop-file-validate"; cat "$tmp/dfv"
    fi
  else
    echo "note desktop-file-validate not installed (Debian: desktop-file-utils); validation not run"
  fi
  # The installed GUI finds the installed sample (not the source tree's).
  out=$(QT_QPA_PLATFORM=offscreen XDG_DATA_DIRS=/nonexistent "$root/bin/veloxquant-studio" --sample-path 2>"$tmp/err")
  rc=$?
  want=$(cd "$root/share/veloxquant-studio/samples" && pwd -P)/s01_story_kite.npz
  if [[ $rc -eq 0 && $(readlink -f "$out") == "$want" ]]; then ok "installed studio opens $out"; else
    fail "installed studio sample: got '$out' (exit $rc), expected $want"; cat "$tmp/err"; fi
fi
[[ $fails -eq 0 ]] && echo "all install checks passed" || echo "$fails install check(s) failed"
exit $((fails > 0))
