import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const MAX_PAGE_SIZE = 100;

/** `?page=&pageSize=` on every list. */
export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  page: number = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 25 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize: number = 25;
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export function toPage<E, D>(rows: E[], total: number, query: PageQueryDto, map: (row: E) => D): Page<D> {
  return { items: rows.map(map), page: query.page, pageSize: query.pageSize, total };
}

/** A page of a list already in memory (reports computed whole). */
export function pageOf<T>(items: T[], query: { page: number; pageSize: number }): Page<T> {
  const start = (query.page - 1) * query.pageSize;
  return { items: items.slice(start, start + query.pageSize), page: query.page, pageSize: query.pageSize, total: items.length };
}

export function skipOf(query: PageQueryDto): number {
  return (query.page - 1) * query.pageSize;
}

/** Base of the OpenAPI page schemas; each list declares its own `items`. */
export class PageMetaDto {
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() total: number;
}
