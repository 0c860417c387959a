/** What records were called in the help desk they were imported from. */
export interface ExternalReferenceRepository {
  /** The local id a source's record was imported as, if it was. */
  find(workspaceId: string, source: string, externalId: string): Promise<string | undefined>;
  /** Notes that `externalId` of `source` became `localId`. */
  insert(reference: { workspaceId: string; source: string; externalId: string; localId: string; at: number }): Promise<void>;
}
