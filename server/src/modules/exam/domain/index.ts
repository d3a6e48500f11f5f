/** The exam module's pure domain core: items, blueprints, forms, scoring, deadlines, item analysis. */
export * from './items.ts';
export * from './blueprint.ts';
export * from './form.ts';
export * from './scoring.ts';
export * from './deadline.ts';
export * from './item-analysis.ts';
export * from './assessment.ts';
