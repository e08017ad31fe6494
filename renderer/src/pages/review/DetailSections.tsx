// Parts of the detail pane: the filing or listing, and the protected mark, as label/value lists.
import { markTextLabel } from './labels';
import type { ReactNode } from 'react';
import type { HitDetail, StoredFiling, StoredListing } from '../../../../shared/contract/screening';
import { CategoryTag } from '../../components/CategoryTag';
import { ExternalLink } from '../../components/ExternalLink';
import { CountdownText } from './CountdownText';
import { TitleWithMatch } from './TitleWithMatch';

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children === '' || children === null || children === undefined ? <span className="muted">—</span> : children}</dd>
    </>
  );
}

export function FilingSection({ filing, otherHits }: { filing: StoredFiling; otherHits: number }) {
  return (
    <section className="detail-section">
      <h3>商标申请</h3>
      <dl className="detail-list">
        <Item label="申请号"><span className="mono">{filing.applicationNumber}</span></Item>
        <Item label="申请商标"><strong>{markTextLabel(filing.markText)}</strong></Item>
        <Item label="国际分类">第 {filing.niceClass} 类</Item>
        <Item label="申请人">{filing.applicant}</Item>
        <Item label="申请人地址">{filing.applicantAddress}</Item>
        <Item label="代理机构">{filing.agency}</Item>
        <Item label="申请日期">{filing.filedOn}</Item>
        <Item label="初审公告">{filing.gazetteIssue} {filing.publishedOn}</Item>
        <Item label="异议截止">
          {filing.oppositionDeadline} <CountdownText daysLeft={filing.daysLeft} />
        </Item>
        <Item label="其他命中">
          {otherHits > 0 ? (
            <>
              {otherHits} 条 <a href={`#/review?decision=all&text=${encodeURIComponent(filing.applicationNumber)}`}>查看该申请的全部命中</a>
            </>
          ) : (
            '无'
          )}
        </Item>
      </dl>
      <div className="goods">
        <span className="goods-label">商品服务</span>
        <ul className="goods-list">
          {filing.goods.map((g, i) => <li key={i}>{g}</li>)}
        </ul>
      </div>
    </section>
  );
}

export function ListingSection({ listing, matched }: { listing: StoredListing; matched: string }) {
  return (
    <section className="detail-section">
      <h3>电商商品</h3>
      <dl className="detail-list">
        <Item label="编号"><span className="mono">{listing.listingId}</span></Item>
        <Item label="平台">{listing.platform}</Item>
        <Item label="店铺">{listing.shop}</Item>
        <Item label="商品标题"><TitleWithMatch title={listing.title} matched={matched} /></Item>
        <Item label="价格">{listing.price}</Item>
        <Item label="所在地">{listing.sellerLocation}</Item>
        <Item label="链接">{listing.url ? <ExternalLink url={listing.url} className="path" /> : ''}</Item>
      </dl>
    </section>
  );
}

export function MarkSection({ detail }: { detail: HitDetail }) {
  const mark = detail.mark;
  if (!mark) {
    return (
      <section className="detail-section">
        <h3>名录商标</h3>
        <p className="muted">{detail.markName}（{detail.markId}）已从名录中删除。</p>
      </section>
    );
  }
  return (
    <section className="detail-section">
      <h3>名录商标</h3>
      <dl className="detail-list">
        <Item label="编号"><span className="mono">{mark.id}</span></Item>
        <Item label="商标名称"><strong>{mark.name}</strong> <CategoryTag category={mark.category} /></Item>
        <Item label="国际分类">{mark.classes.length ? mark.classes.join('；') : '全部类别'}</Item>
        <Item label="注册号">{mark.registrationNumber}</Item>
        <Item label="权利人">{mark.holder}</Item>
        <Item label="别名">{mark.aliases.join('；')}</Item>
        <Item label="地域">{mark.region}</Item>
      </dl>
    </section>
  );
}
