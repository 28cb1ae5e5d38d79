import { DataList } from '@mantine/core';
import type { ReactNode } from 'react';

/** One labelled figure of a live preview; `testId` lets journeys read the value. */
export function PreviewRow({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue data-testid={testId}>{children}</DataList.ItemValue>
    </DataList.Item>
  );
}
