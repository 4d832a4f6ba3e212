// target/catalog.json in dbt's catalog v1 shape (https://schemas.getdbt.com/dbt/catalog/v1.json):
// what the warehouse says about each relation the manifest builds or reads.

export const CATALOG_SCHEMA = 'https://schemas.getdbt.com/dbt/catalog/v1.json';

export interface CatalogStat {
  id: string;
  label: string;
  value: string | number | boolean | null;
  include: boolean;
  description: string;
}

export interface CatalogColumn {
  type: string;
  /** 1-based position. */
  index: number;
  name: string;
  comment: string | null;
}

export interface CatalogTable {
  metadata: {
    /** 'BASE TABLE' or 'VIEW', as information_schema says. */
    type: string;
    schema: string;
    name: string;
    database: string | null;
    comment: string | null;
    owner: string | null;
  };
  columns: Record<string, CatalogColumn>;
  stats: Record<string, CatalogStat>;
  unique_id: string;
}

export interface Catalog {
  metadata: { dbt_schema_version: string; dbt_version: string; generated_at: string; invocation_id: string | null; env: Record<string, string> };
  nodes: Record<string, CatalogTable>;
  sources: Record<string, CatalogTable>;
  errors: string[] | null;
}
