#!/usr/bin/env node
'use strict';
// Speaks LSP over --stdio, --node-ipc or --socket=PORT (chosen by the arguments).
require('../dist/server.js');
