/**
 * The held-out corpus (test/holdout): real reports the checks were never tuned on, recorded as
 * reported. These tests keep the recording honest (test/helpers/held-out-corpus.ts); they do not hold
 * recall or precision to a threshold: the corpus measures how the checks generalise, and README.md
 * gives the figures and why each miss and false alarm happens.
 */
import { heldOutCorpusTests } from '../helpers/held-out-corpus';

heldOutCorpusTests(__dirname, 'held-out', 200);
