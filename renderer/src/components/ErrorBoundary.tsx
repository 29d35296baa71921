import { Component, type ReactNode } from 'react';
import { t } from '../i18n';

/** One failing screen shows a message instead of blanking the whole app; another route resets it. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="page">
        <h1>{t('err.screenTitle')}</h1>
        <p className="error-box" role="alert">
          {t('err.screen', { detail: this.state.error.message })}
        </p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          {t('err.retry')}
        </button>
      </div>
    );
  }
}
