// The Chinese application menu.
import { app, Menu, shell, type BrowserWindow } from 'electron';

export function installMenu(getWindow: () => BrowserWindow | null, dataDir: string): void {
  const menu = Menu.buildFromTemplate([
    {
      label: '文件',
      submenu: [
        { label: '打开数据文件夹', click: () => void shell.openPath(dataDir) },
        { type: 'separator' },
        { label: '退出', role: 'quit' },
      ],
    },
    {
      label: '编辑',
      submenu: [
        { label: '撤销', role: 'undo' },
        { label: '重做', role: 'redo' },
        { type: 'separator' },
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { label: '全选', role: 'selectAll' },
      ],
    },
    {
      label: '视图',
      submenu: [
        { label: '重新加载', role: 'reload' },
        { label: '放大', role: 'zoomIn' },
        { label: '缩小', role: 'zoomOut' },
        { label: '实际大小', role: 'resetZoom' },
        { type: 'separator' },
        { label: '全屏', role: 'togglefullscreen' },
        ...(app.isPackaged ? [] : [{ label: '开发者工具', role: 'toggleDevTools' as const }]),
      ],
    },
    {
      label: '帮助',
      submenu: [
        {
          label: '关于商标守护',
          click: () => getWindow()?.webContents.executeJavaScript("location.hash = '#/about'", false),
        },
      ],
    },
  ]);
  Menu.setApplicationMenu(menu);
}
