// The 以图查询 flow: main's open dialog (purpose 'image'), then registry.checkImage with the token.
import { useState } from 'react';
import { useClient } from '../../api/context';
import { useToast } from '../../components/Toast';
import { IMAGE_FORMATS_LABEL } from '../../../../shared/formats/images';
import { ImageCheckDialog, type ImageCheckState } from './ImageCheckDialog';

export function useImageCheck() {
  const client = useClient();
  const notify = useToast();
  const [state, setState] = useState<ImageCheckState>({ kind: 'idle' });

  async function start() {
    const picked = await client['files.open']({ purpose: 'image', title: `选择要查询的图片（${IMAGE_FORMATS_LABEL}）` });
    if (!picked.ok) return notify(picked.error.message, 'error');
    if (picked.value.status === 'cancelled') return;
    const { token, fileName } = picked.value;
    setState({ kind: 'checking', fileName });
    const result = await client['registry.checkImage']({ fileToken: token });
    setState(result.ok ? { kind: 'done', fileName, result: result.value } : { kind: 'failed', fileName, message: result.error.message });
  }

  const dialog = <ImageCheckDialog state={state} onAgain={() => void start()} onClose={() => setState({ kind: 'idle' })} />;
  return { start: () => void start(), dialog };
}
