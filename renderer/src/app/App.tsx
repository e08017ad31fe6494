// The shell: the app's name and data location on top, the pages on the left, the current page on the right.
import { AboutPage } from '../pages/about/AboutPage';
import { StartNotices } from './StartNotices';
import { FeaturesRefreshNotice } from './FeaturesRefreshNotice';
import { BackupPage } from '../pages/backup/BackupPage';
import { QuickCheck } from '../components/quick-check/QuickCheck';
import { DashboardPage } from '../pages/dashboard/DashboardPage';
import { DeadlineNotice } from '../pages/deadlines/DeadlineNotice';
import { DeadlinesPage } from '../pages/deadlines/DeadlinesPage';
import { LettersPage } from '../pages/letters/LettersPage';
import { ListingsPage } from '../pages/listings/ListingsPage';
import { ProfilesPage } from '../pages/profiles/ProfilesPage';
import { RegistryPage } from '../pages/registry/RegistryPage';
import { ReviewPage } from '../pages/review/ReviewPage';
import { BatchesPage } from '../pages/screening/BatchesPage';
import { useEffect } from 'react';
import { UsersPage } from '../pages/users/UsersPage';
import { useAccount, usePermission, useSignedInRole } from './account';
import { AccountBadge } from './AccountBadge';
import { FirstSteps, nextStep } from './FirstSteps';
import { ServerBadge } from './connection/ServerBadge';
import { useAppInfo } from './useAppInfo';
import { useHashRoute } from './useHashRoute';

const PAGES = [
  { id: 'registry', label: '保护名录', icon: '▤' },
  { id: 'batches', label: '筛查批次', icon: '⇪' },
  { id: 'review', label: '抢注审查', icon: '⚑' },
  { id: 'letters', label: '函件', icon: '✉' },
  { id: 'listings', label: '电商商品', icon: '⛁' },
  { id: 'deadlines', label: '到期提醒', icon: '⏱' },
  { id: 'profiles', label: '申请人与代理机构', icon: '◎' },
  { id: 'dashboard', label: '统计', icon: '▥' },
  { id: 'backup', label: '备份与恢复', icon: '⟲' },
  { id: 'about', label: '关于与设置', icon: 'ⓘ' },
  // server mode, 管理员 only (its channels' role in shared/roles.ts)
  { id: 'users', label: '用户管理', icon: '☺' },
] as const;

type PageId = (typeof PAGES)[number]['id'];
const PAGE_IDS: readonly PageId[] = PAGES.map((p) => p.id);

function Header() {
  const { info, error } = useAppInfo();
  const guide = info && nextStep(info) !== null;
  const user = useAccount();
  return (
    <header className="app-header">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          商
        </span>
        <span className="brand-name">商标守护</span>
        <span className="brand-sub">保护名录与抢注筛查</span>
      </div>
      <QuickCheck />
      <ServerBadge />
      <div className="data-location" title={info && !user ? `数据位置：${info.databasePath}` : undefined}>
        {info && guide ? <FirstSteps info={info} /> : null}
        {/* on a server the data folder is the server's, of no use to a clerk in a browser */}
        {info && !guide && !user ? <>数据位置：{info.dataDir}</> : null}
        {!info && error ? <span className="error-text">{error}</span> : null}
      </div>
      <AccountBadge />
    </header>
  );
}

export function App() {
  const [page, setPage] = useHashRoute(PAGE_IDS, 'registry');
  const { reload: reloadInfo } = useAppInfo();
  const users = usePermission('accounts.list');
  const role = useSignedInRole();
  // 用户管理 exists only on a server (in its browser page or a connected desktop), for a 管理员
  const shown = PAGES.filter((p) => p.id !== 'users' || (role !== null && users.allowed));
  // the first-start guide follows what was done elsewhere (a gazette imported on 筛查批次) when the page changes
  useEffect(reloadInfo, [page, reloadInfo]);
  return (
    <div className="app">
      <Header />
      <div className="app-main">
        <nav className="app-nav" aria-label="主导航">
          {shown.map((p) => (
            <button
              key={p.id}
              type="button"
              className={`nav-item${page === p.id ? ' active' : ''}`}
              aria-current={page === p.id ? 'page' : undefined}
              onClick={() => setPage(p.id)}
            >
              <span className="nav-icon" aria-hidden="true">
                {p.icon}
              </span>
              {p.label}
            </button>
          ))}
        </nav>
        <main className="app-content">
          <StartNotices />
          <FeaturesRefreshNotice />
          <DeadlineNotice />
          {page === 'registry' ? <RegistryPage /> : null}
          {page === 'batches' ? <BatchesPage /> : null}
          {page === 'review' ? <ReviewPage /> : null}
          {page === 'letters' ? <LettersPage /> : null}
          {page === 'listings' ? <ListingsPage /> : null}
          {page === 'deadlines' ? <DeadlinesPage /> : null}
          {page === 'profiles' ? <ProfilesPage /> : null}
          {page === 'dashboard' ? <DashboardPage /> : null}
          {page === 'backup' ? <BackupPage /> : null}
          {page === 'about' ? <AboutPage /> : null}
          {page === 'users' && shown.some((p) => p.id === 'users') ? <UsersPage /> : null}
        </main>
      </div>
    </div>
  );
}
