/** Loaded after no-network.cjs by test/trust.test.ts to prove the block works: it tries to connect. */
'use strict';
require('node:net').connect(80, '127.0.0.1');
