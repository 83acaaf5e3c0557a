/** The references and dataset-wide rules (refs/*, location/*, events/*, arrests/*), in the order they run. */
import type { Rule } from '../rule';
import unknownDrug from '../refs/unknown-drug';
import unknownAgency from '../refs/unknown-agency';
import admin1 from '../location/admin1';
import duplicateId from '../events/duplicate-id';
import idFilename from '../events/id-filename';
import possibleDuplicate from '../events/possible-duplicate';
import placeholder from '../events/placeholder';
import suspects from '../arrests/suspects';

export const DATASET_RULES: readonly Rule[] = [unknownDrug, unknownAgency, admin1, suspects, duplicateId, idFilename, possibleDuplicate, placeholder];
