#!/usr/bin/env bash
# Source this file: puts a Node >= 22 on PATH. markdownlint ^0.42 and markdownlint-cli2 ^0.24
# require Node 22; when the machine's Node is older, install the npm registry's `node@22`
# package (it carries a real Node 22 binary) into .ci/node22 and use it.
_wl_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$_wl_major" -lt 22 ]; then
  _wl_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/node22"
  if [ ! -x "$_wl_dir/node_modules/.bin/node" ]; then
    echo "Node $(node --version 2>/dev/null) is older than 22: installing node@22 into $_wl_dir" >&2
    npm install --no-save --no-package-lock --prefix "$_wl_dir" node@22 >&2
  fi
  export PATH="$_wl_dir/node_modules/.bin:$PATH"
fi
unset _wl_major _wl_dir
