import { Paper, Text } from '@mantine/core';
import { PageHeader } from './page-header';

export interface ComingSoonProps {
  /** The page's name, e.g. "Campaigns". */
  title: string;
  /** The module that will fill the page, e.g. "campaigns module". */
  comingWith: string;
  /** What the page will offer once that module lands. */
  description: string;
}

/** A page that exists in the navigation but whose module has not been built yet; it shows no data. */
export function ComingSoon({ title, comingWith, description }: ComingSoonProps) {
  return (
    <>
      <PageHeader title={title} />
      <Paper withBorder p="lg" radius="md">
        <Text fw={600}>
          {title} — coming with the {comingWith}
        </Text>
        <Text size="sm" c="dimmed" mt="xs">
          {description}
        </Text>
      </Paper>
    </>
  );
}
