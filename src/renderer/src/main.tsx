import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { PresenterScreen } from './ikrar/PresenterScreen'
import './styles.css'

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {/* The projector window loads the same page with this hash (presenter-window.ts). */}
    {location.hash === '#presenter' ? <PresenterScreen /> : <App />}
  </StrictMode>,
)
