#!/usr/bin/env bash
# clang-format must leave every C++ source unchanged.
set -euo pipefail
cd "$(dirname "$0")/../.."
files=$(git ls-files '*.cc' '*.h' | grep -v '^fuzz/corpus' || true)
[ -z "$files" ] && exit 0
clang-format --dry-run --Werror $files
