// 关于: version, where the data lives, how this window talks to the services.
import { useEffect } from 'react';
import { useAppInfo } from '../../app/useAppInfo';
import { ConnectionSettings } from './ConnectionSettings';
import { OperatorSetting } from './OperatorSetting';

const TRANSPORT_LABELS = {
  electron: '桌面应用（Electron）',
  web: '浏览器（本机回环地址，仅供开发与测试）',
  server: '服务器模式（HTTPS，多用户）',
} as const;

export function AboutPage() {
  const { info, error, reload } = useAppInfo();
  useEffect(reload, [reload]);

  return (
    <div className="page about-page">
      <div className="page-head">
        <h1>关于商标守护</h1>
      </div>
      <p className="lead">
        商标守护帮助商标监管人员维护本省的保护名录（驰名商标、地理标志、省著名商标、老字号、涉外商标、公共资源），
        并据此筛查商标申请中的恶意抢注。
      </p>
      {error ? (
        <div className="form-banner" role="alert">
          {error}
        </div>
      ) : null}
      {info ? (
        <dl className="info-list">
          <dt>版本</dt>
          <dd>{info.version}</dd>
          <dt>数据库结构版本</dt>
          <dd>{info.schemaVersion}</dd>
          <dt>名录记录数</dt>
          <dd>{info.markCount}</dd>
          <dt>数据文件夹</dt>
          <dd className="path">{info.dataDir}</dd>
          <dt>数据库文件</dt>
          <dd className="path">{info.databasePath}</dd>
          <dt>运行方式</dt>
          <dd>{TRANSPORT_LABELS[info.transport]}</dd>
        </dl>
      ) : null}
      <OperatorSetting />
      <ConnectionSettings />
      <p className="muted small">
        首次启动时填入的样例名录来自公开资料，仅供熟悉软件使用，正式使用前请逐条核实或导入本单位的名录。
      </p>
    </div>
  );
}
