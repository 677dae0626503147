/** `node -r guard-preload.js`: the loopback-only network guard, installed lazily (./guard). */
import { installLazyNetworkGuard } from './guard';

installLazyNetworkGuard();
