/** A field name from another help desk's label: `Product area` → `product_area`. */
export function fieldName(label: string): string {
  const name = label.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  return name || 'field';
}

/** A queue name from a group's name (`Tier 2 Support` → `tier-2-support`), or null. */
export function queueName(label: string | null): string | null {
  if (!label) return null;
  return fieldName(label).replace(/_/g, '-');
}
