import { exportComplianceRecord, isApiError } from '@cadence/web-api-client';
import { Button, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';

function saveCsv(csv: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Downloads the campaign's compliance record (one CSV row per send). */
export function ComplianceExportButton({ campaignId }: { campaignId: string }) {
  const download = useMutation({
    mutationFn: async () => saveCsv(await exportComplianceRecord(campaignId, { headers: { Accept: 'text/csv' } }), `compliance-${campaignId}.csv`),
  });
  return (
    <>
      <Button variant="default" onClick={() => download.mutate()} loading={download.isPending}>
        Export compliance record
      </Button>
      {download.error ? (
        <Text size="sm" c="red" role="alert">
          {isApiError(download.error) ? download.error.message : 'The export failed'}
        </Text>
      ) : null}
    </>
  );
}
