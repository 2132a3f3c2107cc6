import { Button, Result } from 'antd';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { type WithTranslation, withTranslation } from 'react-i18next';

interface Props extends WithTranslation {
  children: ReactNode;
  /** Changes on navigation, so leaving a failed page clears the error. */
  resetKey: string;
}

interface State {
  error: Error | null;
}

/**
 * Catches a page that fails to render or to load its code. A chunk that no longer exists (the console
 * was upgraded while this tab stayed open) is the common case, and a reload fetches the new version.
 */
class Boundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('page failed', error, info.componentStack);
  }

  override componentDidUpdate(prev: Props): void {
    if (prev.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }

  override render() {
    const { t } = this.props;
    if (!this.state.error) return this.props.children;
    return (
      <Result
        status="warning"
        title={t('status.pageFailed')}
        subTitle={t('status.pageFailedHint')}
        extra={
          <Button type="primary" onClick={() => window.location.reload()}>
            {t('status.reload')}
          </Button>
        }
      />
    );
  }
}

export const RouteErrorBoundary = withTranslation()(Boundary);
